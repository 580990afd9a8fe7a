package org.childprotection.registry.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A Spring Boot application the benchmark runs as its own JVM on a free port (the API, the floor), and the one HTTP
 * client its phase's clients share: HTTP/1.1, its cookies kept, and the credentials of {@link #openSession} or
 * {@link #useBasic} on every request. The application's output goes to a log file in the temporary directory.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies).executor(Executors.newFixedThreadPool(RegistryBenchmark.CLIENTS)).build();
    private UnaryOperator<HttpRequest.Builder> credentials = UnaryOperator.identity();

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param launch    what follows {@code java}: {@code -jar x.jar} or a class path and main class
     * @param readyPath answers 200 once the application takes requests
     */
    static ServiceProcess start(String name, List<String> launch, List<String> args, String readyPath) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.addAll(args);
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "registry-benchmark-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (service.http.send(HttpRequest.newBuilder(service.uri(readyPath)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return service;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        service.close();
        throw new IllegalStateException(name + " did not start; see " + log);
    }

    /** One password check for the whole run: the session's cookie and CSRF token stand for it afterwards. */
    void openSession(String username, String password, String sessionPath, String anyPage) throws Exception {
        // the first answer sets the CSRF cookie that the sign-in form must echo
        http.send(HttpRequest.newBuilder(uri(anyPage)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = http.send(withCsrfToken(HttpRequest.newBuilder(uri(sessionPath)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200) {
            throw new IllegalStateException("sign-in: " + signedIn.statusCode() + " " + signedIn.body());
        }
        credentials = this::withCsrfToken;
    }

    /** The password on every request, checked by the application on every request. */
    void useBasic(String username, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        credentials = request -> request.header("Authorization", basic);
    }

    private HttpRequest.Builder withCsrfToken(HttpRequest.Builder request) {
        return request.header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(""));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** @return the answer's body; an answer of 300 or more is an exception */
    String post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(credentials.apply(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** @return the answer's body; any answer but 200 is an exception */
    String get(String path) throws Exception {
        HttpResponse<String> response = http.send(credentials.apply(HttpRequest.newBuilder(uri(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
        process.destroyForcibly();
    }
}
