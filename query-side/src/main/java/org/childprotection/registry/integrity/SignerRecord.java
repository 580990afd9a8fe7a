package org.childprotection.registry.integrity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the signer has signed, kept outside the database (docs/tamper-evident-log.md, "The signer's record"): for each
 * database and each Merkle log, the last head it signed and every leaf it has signed over (its position in the log and
 * its hash, 40 bytes a leaf). Whoever owns the database can rewrite its tables, but not this; the signer proves every
 * new tree consistent with the head recorded here before it signs, and a verification compares the log with the
 * leaves recorded here, which names the first event changed even after the Merkle tables were rebuilt.
 * Several processes may share the directory (two API nodes, replay-tools): each change is made under a file lock.
 */
@Component
public class SignerRecord {

    /** The last head signed, as recorded. */
    public record Head(long treeSize, byte[] rootHash, Instant timestamp) {
    }

    /** A leaf signed over: the position in its log (global index, access-log id) and the leaf hash. */
    public record Leaf(long position, byte[] hash) {
    }

    private static final int LEAF_BYTES = 8 + 32;
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();
    private static final HexFormat HEX = HexFormat.of();

    private final Path root;
    private final JdbcTemplate jdbc;
    private final SigningKey key;
    private volatile Path directory;

    public SignerRecord(@Value("${registry.integrity.signer-record-dir:registry-data/signer-record}") Path root,
                        JdbcTemplate jdbc, SigningKey key) {
        this.root = root.toAbsolutePath();
        this.jdbc = jdbc;
        this.key = key;
    }

    /** The head last recorded for the log, if any. */
    public Optional<Head> head(String log) {
        Path file = file(log, "head");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] lines = Files.readString(file, StandardCharsets.US_ASCII).split("\n");
            return Optional.of(new Head(Long.parseLong(lines[0]), HEX.parseHex(lines[1]), Instant.parse(lines[2])));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signer's record " + file, e);
        }
    }

    /** Every leaf recorded for the log, in leaf order. */
    public List<Leaf> leaves(String log) {
        Path file = file(log, "leaves");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            List<Leaf> leaves = new ArrayList<>(bytes.remaining() / LEAF_BYTES);
            while (bytes.remaining() >= LEAF_BYTES) {
                long position = bytes.getLong();
                byte[] hash = new byte[32];
                bytes.get(hash);
                leaves.add(new Leaf(position, hash));
            }
            return leaves;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signer's record " + file, e);
        }
    }

    public long leafCount(String log) {
        try {
            Path file = file(log, "leaves");
            return Files.exists(file) ? Files.size(file) / LEAF_BYTES : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether anything is recorded for this database (a verifier elsewhere, replay-tools, may have no record). */
    public boolean exists(String log) {
        try {
            return Files.exists(file(log, "head"));
        } catch (RuntimeException noKeyHere) {
            return false; // replay-tools given only a public key on its command line keeps no record
        }
    }

    /**
     * Keeps the first {@code keep} leaves recorded (those under the last head; any later ones were never signed) and
     * appends these after them, forced to disk before the head over them is signed.
     */
    public void extend(String log, long keep, List<Leaf> leaves) {
        try {
            Files.createDirectories(directory());
            try (FileChannel channel = FileChannel.open(file(log, "leaves"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                channel.truncate(keep * LEAF_BYTES);
                ByteBuffer buffer = ByteBuffer.allocate(leaves.size() * LEAF_BYTES);
                leaves.forEach(leaf -> buffer.putLong(leaf.position()).put(leaf.hash()));
                buffer.flip();
                channel.position(keep * LEAF_BYTES);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signer's record in " + directory(), e);
        }
    }

    /** Records the head just signed (written beside and moved into place, so it is never half written). */
    public void signed(String log, TreeHead head) {
        Path file = file(log, "head");
        try {
            Path temporary = Files.createTempFile(directory(), ".head-", ".tmp");
            Files.writeString(temporary, head.treeSize() + "\n" + HEX.formatHex(head.rootHash()) + "\n"
                    + head.timestamp() + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signer's record " + file, e);
        }
    }

    /**
     * Runs the work holding the record's lock for the log: a monitor against other threads of this process (a file
     * lock is held by the whole process), and the file lock against other processes sharing the directory.
     */
    public <T> T locked(String log, Supplier<T> work) {
        Path lockFile = file(log, "lock");
        synchronized (MONITORS.computeIfAbsent(lockFile, f -> new Object())) {
            try {
                Files.createDirectories(directory());
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock the signer's record in " + directory(), e);
            }
        }
    }

    private Path file(String log, String kind) {
        return directory().resolve(log + "." + kind);
    }

    /**
     * One directory per database and signing key: one key may sign for several databases (tests, a staging copy), and
     * a database signed by another key before is another signer's history.
     */
    private Path directory() {
        Path known = directory;
        if (known == null) {
            String database = jdbc.queryForObject("SELECT current_database()", String.class);
            known = root.resolve(database.replaceAll("[^A-Za-z0-9_.-]", "_"))
                    .resolve("key-" + Ed25519Keys.keyId(key.publicKey()).substring(0, 16));
            directory = known;
        }
        return known;
    }
}
