package org.childprotection.registry.integrity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A signed tree head. The signature is Ed25519 over the UTF-8 bytes of
 * {@code "child-protection-registry/tree-head/v1\n" + treeSize + "\n" + rootHash (lowercase hex) + "\n" + timestamp},
 * the timestamp written as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC (always three decimals). An access-log head is
 * the same record, signed under its own context line ({@link MerkleLogKind#ACCESS_LOG}). {@code keyId} names the
 * key that signed it ({@link Ed25519Keys#keyId}); null for heads signed before V19, all by the first key.
 */
public record TreeHead(long treeSize, byte[] rootHash, Instant timestamp, byte[] signature, String keyId) {

    public static final String CONTEXT = "child-protection-registry/tree-head/v1";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A head that does not say which key signed it. */
    public TreeHead(long treeSize, byte[] rootHash, Instant timestamp, byte[] signature) {
        this(treeSize, rootHash, timestamp, signature, null);
    }

    /** The message of an event-log head; an access-log head's is {@link MerkleLogKind#headMessage}'s. */
    public static byte[] message(long treeSize, byte[] rootHash, Instant timestamp) {
        return MerkleLogKind.EVENTS.headMessage(treeSize, rootHash, timestamp);
    }

    public static String format(Instant timestamp) {
        return TIMESTAMP.format(timestamp);
    }

    /** Timestamps are signed to the millisecond. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public byte[] message() {
        return message(treeSize, rootHash, timestamp);
    }
}
