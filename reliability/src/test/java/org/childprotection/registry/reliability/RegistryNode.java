package org.childprotection.registry.reliability;

import org.childprotection.registry.api.support.ApiClient;
import org.springframework.mock.env.MockEnvironment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One API instance: {@code registry-api.jar} on a free loopback port against a scenario's database. Every node of a
 * scenario signs tree heads with the same key file, as the nodes of one registry would.
 */
final class RegistryNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Path workDir;
    private final List<String> arguments;
    private final int port;
    private final ApiClient api;
    private JavaProcess process;
    private int starts;

    private RegistryNode(String name, Path workDir, List<String> arguments) {
        this.name = name;
        this.workDir = workDir;
        this.arguments = arguments;
        this.port = FreePort.next();
        this.api = new ApiClient(new MockEnvironment().withProperty("local.server.port", String.valueOf(port)));
    }

    /** Starts the node and waits until its health endpoint answers UP. */
    static RegistryNode start(String name, Path workDir, ScratchDatabase database, String... more) {
        List<String> arguments = new ArrayList<>(Arrays.asList(database.springArguments()));
        arguments.add("--registry.integrity.signing-key-file=" + workDir.resolve("tree-head-signing-key.pem"));
        arguments.addAll(Arrays.asList(more));
        RegistryNode node = new RegistryNode(name, workDir, arguments);
        node.start();
        return node;
    }

    void start() {
        List<String> all = new ArrayList<>(arguments);
        all.add("--server.address=127.0.0.1");
        all.add("--server.port=" + port);
        starts++;
        process = JavaProcess.start(JavaProcess.jar("reliability.api-jar"), workDir,
                workDir.resolve(name + ".log"), all.toArray(String[]::new));
        awaitHealthy();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    /** The api tests' HTTP client, pointed at this node (its port stays the same across restarts). */
    ApiClient api() {
        return api;
    }

    /** SIGKILL, as a crash. */
    void kill() {
        process.kill();
    }

    boolean alive() {
        return process != null && process.alive();
    }

    String logTail() {
        return process.logTail();
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IllegalStateException(name + " ended while starting:\n" + process.logTail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        process.kill();
        throw new IllegalStateException(name + " (start " + starts + ") not healthy within " + START_TIMEOUT + ":\n"
                + process.logTail());
    }

    @Override
    public void close() {
        if (process != null && process.alive()) {
            process.stop();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
