package org.childprotection.registry.reliability;

import org.awaitility.core.ConditionTimeoutException;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.testsupport.Await;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API instance: {@code registry-api.jar} on a loopback port against a scenario's database. Every node of a
 * scenario signs tree heads with the same key file, as the nodes of one registry would. The node takes a free port
 * itself at each start and the test reads which from its log: a port chosen by the test and handed over could be
 * taken meanwhile by another process of a busy machine, which would then answer the health check in its place.
 */
final class RegistryNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Path workDir;
    private static final Pattern STARTED_ON_PORT = Pattern.compile("Tomcat started on port\\D*(\\d+)");

    private final List<String> arguments;
    private volatile int port;
    private volatile ApiClient api;
    private JavaProcess process;
    private int starts;

    private RegistryNode(String name, Path workDir, List<String> arguments) {
        this.name = name;
        this.workDir = workDir;
        this.arguments = arguments;
    }

    /** Starts the node and waits until its health endpoint answers UP. */
    static RegistryNode start(String name, Path workDir, ScratchDatabase database, String... more) {
        List<String> arguments = new ArrayList<>(Arrays.asList(database.springArguments()));
        arguments.add("--spring.profiles.active=demo");
        arguments.add("--registry.integrity.signing-key-file=" + workDir.resolve("tree-head-signing-key.pem"));
        arguments.addAll(Arrays.asList(more));
        RegistryNode node = new RegistryNode(name, workDir, arguments);
        node.start();
        return node;
    }

    void start() {
        List<String> all = new ArrayList<>(arguments);
        all.add("--server.address=127.0.0.1");
        all.add("--server.port=0");
        starts++;
        Path log = workDir.resolve(name + ".log");
        long logged = log.toFile().length();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        process = JavaProcess.start(JavaProcess.jar("reliability.api-jar"), workDir, log, all.toArray(String[]::new));
        port = awaitPort(log, logged, deadline);
        api = new ApiClient(new MockEnvironment().withProperty("local.server.port", String.valueOf(port)));
        awaitHealthy(deadline);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    /** The api tests' HTTP client, pointed at this node (after a restart, at its new port). */
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

    /** The port this start of the node listens on, from its log after {@code offset}. */
    private int awaitPort(Path log, long offset, long deadline) {
        AtomicInteger port = new AtomicInteger();
        awaitStarting(deadline, "did not say its port", () -> {
            Matcher started = STARTED_ON_PORT.matcher(logSince(log, offset));
            if (started.find()) {
                port.set(Integer.parseInt(started.group(1)));
            }
            return port.get() != 0;
        });
        return port.get();
    }

    /** Waits for a sign of the start; fails at once when the process ended, and kills it when the time is up. */
    private void awaitStarting(long deadline, String failure, BooleanSupplier started) {
        try {
            Await.until(name + " starting", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), () -> {
                if (!process.alive()) {
                    throw new IllegalStateException(name + " ended while starting:\n" + process.logTail());
                }
                return started.getAsBoolean();
            });
        } catch (ConditionTimeoutException e) {
            process.kill();
            throw new IllegalStateException(name + " (start " + starts + ") " + failure + " within " + START_TIMEOUT
                    + ":\n" + process.logTail());
        }
    }

    private static String logSince(Path log, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(Math.min(offset, file.length()));
            byte[] text = new byte[(int) (file.length() - file.getFilePointer())];
            file.readFully(text);
            return new String(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitHealthy(long deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        awaitStarting(deadline, "not healthy", () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void close() {
        if (process != null && process.alive()) {
            process.stop();
        }
    }
}
