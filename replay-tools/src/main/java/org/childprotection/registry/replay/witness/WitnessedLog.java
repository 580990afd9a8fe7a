package org.childprotection.registry.replay.witness;

import org.childprotection.registry.integrity.TreeHead;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The two logs a witness follows. Their heads are signed over the same layout (context LF treeSize LF rootHash LF
 * timestamp) with a context line of their own, so a head of one can never pass for a head of the other.
 */
public enum WitnessedLog {
    EVENTS("events", TreeHead.CONTEXT),
    ACCESS_LOG("access-log", "child-protection-registry/access-log-tree-head/v1");

    private final String id;
    private final String context;

    WitnessedLog(String id, String context) {
        this.id = id;
        this.context = context;
    }

    /** The name the API uses ({@code log} in a cosignature, {@code log=} of a consistency proof) and the store's folder. */
    public String id() {
        return id;
    }

    /** The exact bytes the registry signed for this head. */
    public byte[] message(long treeSize, byte[] rootHash, Instant timestamp) {
        return (context + "\n" + treeSize + "\n" + HexFormat.of().formatHex(rootHash) + "\n"
                + TreeHead.format(timestamp)).getBytes(StandardCharsets.UTF_8);
    }
}
