package org.childprotection.registry.replay.witness;

import org.childprotection.registry.integrity.MerkleLogKind;
import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The witness's directory ({@code --store}): per log, {@code <log>/latest.json} (the last head it accepted, written
 * atomically) and {@code <log>/history.jsonl} (every head it accepted, one a line); on a refusal,
 * {@code evidence/<UTC time>-<log>/} with {@code held.json}, {@code offered.json}, {@code proof.json} (when one was
 * served) and {@code reason.txt}.
 */
public class WitnessStore {

    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;

    public WitnessStore(Path directory) {
        this.directory = directory;
    }

    public Optional<Head> latest(MerkleLogKind log) throws IOException {
        Path file = directory.resolve(log.apiName()).resolve("latest.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Head.from(log, EventJson.mapper().readTree(file.toFile())));
    }

    /** Appends to the history first: a head in latest.json is always in the history too. */
    public void accept(Head head) throws IOException {
        Path folder = Files.createDirectories(directory.resolve(head.log().apiName()));
        Files.writeString(folder.resolve("history.jsonl"), head.toJson() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path temporary = Files.createTempFile(folder, ".latest-", ".tmp");
        try {
            Files.writeString(temporary, head.toJson().toPrettyString(), StandardCharsets.UTF_8);
            Files.move(temporary, folder.resolve("latest.json"), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Keeps both heads, the proof (when the registry served one) and the reason; returns the folder. */
    public Path evidence(Refusal refusal, Instant at) throws IOException {
        Path folder = directory.resolve("evidence").resolve(FOLDER_TIME.format(at) + "-" + refusal.log().apiName());
        for (int n = 2; Files.exists(folder); n++) {
            folder = folder.resolveSibling(FOLDER_TIME.format(at) + "-" + refusal.log().apiName() + "-" + n);
        }
        Files.createDirectories(folder);
        if (refusal.held() != null) {
            Files.writeString(folder.resolve("held.json"), refusal.held().toJson().toPrettyString());
        }
        Files.writeString(folder.resolve("offered.json"), refusal.offered().toJson().toPrettyString());
        if (refusal.proof() != null) {
            Files.writeString(folder.resolve("proof.json"), refusal.proof().toPrettyString());
        }
        Files.writeString(folder.resolve("reason.txt"), refusal.message() + "\n");
        return folder;
    }

    /** What the witness saw that it will not cosign. {@code held} may be absent only for a head with a bad signature. */
    public record Refusal(MerkleLogKind log, Head held, Head offered, JsonNode proof, String why) {

        public String message() {
            return "REFUSED " + log.apiName() + ": " + why + "; held: " + (held == null ? "nothing" : held)
                    + "; offered: " + offered;
        }
    }
}
