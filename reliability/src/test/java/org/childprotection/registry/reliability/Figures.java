package org.childprotection.registry.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of a scenario's run (requests sent, faults injected, events checked, lost, doubled), printed and
 * appended to {@code reliability/target/reliability/figures.md}: RELIABILITY.md quotes the last run.
 */
final class Figures {

    private final String scenario;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String scenario) {
        this.scenario = scenario;
    }

    Figures put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    void write() {
        String line = "| " + Instant.now() + " | " + Size.current().name().toLowerCase() + " | " + scenario + " | "
                + values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + " |";
        System.out.println("[reliability] " + line);
        try {
            Path file = Path.of(System.getProperty("reliability.work-dir", "target/reliability"), "figures.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
