package org.childprotection.registry.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak, started from its distribution (unpacked into {@code api/target} by the build) in a process of its
 * own, with realms imported from test resources; its data lives in a temporary directory removed by {@link #stop}.
 * Keycloak needs Java 21 or later: the JDK at {@code keycloak.java.home} (set by the build).
 */
public final class KeycloakServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keycloak's first start on a machine also rebuilds its distribution for the development mode. */
    private static final Duration START = Duration.ofSeconds(240);

    private final Path home;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private KeycloakServer(Path home, Process process, int port) {
        this.home = home;
        this.process = process;
        this.port = port;
    }

    /** Starts Keycloak with these realm files (test resources); answers at once, {@link #awaitRealm} waits. */
    public static KeycloakServer start(String... realmResources) {
        Path distribution = Path.of(required("keycloak.home", "Keycloak's distribution, unpacked by the build"));
        Path java = Path.of(required("keycloak.java.home", "a JDK 21+ for Keycloak"), "bin", "java");
        if (!Files.isDirectory(distribution.resolve("lib"))) {
            throw new IllegalStateException("No Keycloak distribution at " + distribution
                    + ": run the tests through Maven, whose build unpacks it (org.keycloak:keycloak-quarkus-dist).");
        }
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("Keycloak needs Java 21 or later, and there is no JDK at "
                    + java.getParent().getParent() + " (set -Dkeycloak.java.home=<a JDK 21+>).");
        }
        try {
            Path home = home(distribution, realmResources);
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--db=dev-mem", "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
            // a short-lived server for tests: the quick compiler starts it sooner
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            KeycloakServer server = new KeycloakServer(home, builder.start(), port);
            // should the test JVM end without stop(), Keycloak must not outlive it
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Keycloak home of its own: the distribution's programs (linked, and its scripts copied so that they find
     * this home) and this run's data and realms.
     */
    private static Path home(Path distribution, String... realmResources) throws IOException {
        Path home = Files.createTempDirectory("keycloak-");
        for (String shared : List.of("lib", "themes")) {
            Files.createSymbolicLink(home.resolve(shared), distribution.resolve(shared));
        }
        for (String copied : List.of("bin", "conf")) {
            try (Stream<Path> files = Files.walk(distribution.resolve(copied))) {
                for (Path file : files.toList()) {
                    Files.copy(file, home.resolve(distribution.relativize(file).toString()));
                }
            }
        }
        Files.createDirectories(home.resolve("providers"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        for (String realm : realmResources) {
            try (InputStream in = KeycloakServer.class.getResourceAsStream(realm)) {
                if (in == null) {
                    throw new IllegalArgumentException("no test resource " + realm);
                }
                Files.copy(in, imports.resolve(Path.of(realm).getFileName().toString()));
            }
        }
        return home;
    }

    /** The issuer of a realm, as its tokens name it. */
    public String issuer(String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    /** Waits until the realm answers its OpenID discovery document. */
    public void awaitRealm(String realm) {
        URI discovery = URI.create(issuer(realm) + "/.well-known/openid-configuration");
        Awaitility.await("Keycloak's discovery document of realm " + realm).atMost(START)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak stopped (exit " + process.exitValue() + "):\n"
                                + logTail());
                    }
                    return http.send(HttpRequest.newBuilder(discovery).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /** An access token for the user, by the password grant of a client with direct access grants. */
    public String token(String realm, String client, String username, String password) {
        awaitRealm(realm);
        Map<String, String> form = Map.of("grant_type", "password", "client_id", client,
                "username", username, "password", password);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("Keycloak refused a token for " + username + ": " + answer.body());
            }
            JsonNode json = JSON.readTree(answer.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Keycloak (its script and the JVM it started) and removes its data. */
    public void stop() {
        destroy();
        Awaitility.await("Keycloak's processes to end").atMost(Duration.ofSeconds(30))
                .until(() -> process.descendants().noneMatch(ProcessHandle::isAlive) && !process.isAlive());
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void destroy() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("keycloak.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String required(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " (" + what + ") is not set: run the"
                    + " tests through Maven (the api module's build sets it).");
        }
        return value;
    }
}
