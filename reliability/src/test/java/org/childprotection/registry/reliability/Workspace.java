package org.childprotection.registry.reliability;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scenario's own directory under target/reliability (node logs, key file, a private cluster), removed at the end. */
final class Workspace implements AutoCloseable {

    private final Path dir;

    Workspace(String scenario) {
        try {
            Path root = Path.of(System.getProperty("reliability.work-dir", "target/reliability")).toAbsolutePath();
            Files.createDirectories(root);
            dir = Files.createTempDirectory(root, scenario + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Removes the directory, unless {@code -Dreliability.keep-logs=true} asks to keep the nodes' logs to read. */
    @Override
    public void close() {
        if (Boolean.getBoolean("reliability.keep-logs")) {
            System.out.println("[reliability] logs kept in " + dir);
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
