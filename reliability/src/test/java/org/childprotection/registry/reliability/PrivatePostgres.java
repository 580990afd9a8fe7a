package org.childprotection.registry.reliability;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of the scenario's own, on a free loopback port with its data and socket in a temporary
 * directory, so that the database can be stopped and started without touching the shared server on 5432.
 * PostgreSQL refuses to run as root: as root (CI, this machine) its commands run as user {@code postgres}.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("reliability.postgres-bin", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private int port;
    private final Thread removeAtExit;

    private PrivatePostgres() {
        try {
            dir = Files.createTempDirectory("registry-reliability-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = FreePort.next();
        removeAtExit = new Thread(this::remove, "remove-" + dir.getFileName());
        Runtime.getRuntime().addShutdownHook(removeAtExit);
    }

    /** Creates the cluster (trust authentication, loopback only) and starts it. */
    static PrivatePostgres start() {
        PrivatePostgres postgres = new PrivatePostgres();
        if (asRoot()) {
            run(List.of("chown", "postgres:", postgres.dir.toString()));
        }
        postgres.pg(BIN.resolve("initdb").toString(), "-D", postgres.data(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync", "--no-instructions");
        // the port was free when it was chosen; another process may have taken it since: then choose again (a
        // restart keeps the port, which the registry's connection settings name)
        for (int attempt = 1; ; attempt++) {
            try {
                postgres.startAgain();
                return postgres;
            } catch (IllegalStateException e) {
                if (attempt == 3 || !postgres.serverLog().contains("Address already in use")) {
                    throw e;
                }
                postgres.port = FreePort.next();
            }
        }
    }

    private String serverLog() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "";
        }
    }

    String jdbcServer() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    void startAgain() {
        pg(BIN.resolve("pg_ctl").toString(), "-D", data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** The outage: every server process ends at once, as after a crash; the next start recovers from the WAL. */
    void stopImmediately() {
        pg(BIN.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(removeAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    private synchronized void remove() {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            pg(BIN.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "-t", "60", "stop");
        }
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void pg(String... command) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + process.exitValue() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
