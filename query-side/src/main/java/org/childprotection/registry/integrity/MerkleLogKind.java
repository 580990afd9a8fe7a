package org.childprotection.registry.integrity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The registry's two Merkle logs (docs/tamper-evident-log.md): the event log's and the access log's. Each has its
 * own leaves, subtree hashes and signed heads, and its own context line in the heads' signed message, so that a head
 * of one can never pass for a head of the other though the same key signs both. The table and column names are
 * constants here, never input.
 */
public enum MerkleLogKind {

    EVENTS("events", "merkle_leaf", "merkle_node", "tree_head", "global_index", TreeHead.CONTEXT,
            "event", "events", "the log", "the Merkle log", "tree head"),
    ACCESS_LOG("access-log", "access_merkle_leaf", "access_merkle_node", "access_tree_head", "access_id",
            "child-protection-registry/access-log-tree-head/v1",
            "access-log row", "access-log rows", "the access log", "the access log's Merkle log",
            "access-log tree head");

    /** The log's name in the API ({@code log=access-log}) and the Spring qualifier of its beans. */
    public static final String EVENTS_NAME = "events";
    public static final String ACCESS_LOG_NAME = "access-log";

    private final String apiName;
    private final String leafTable;
    private final String nodeTable;
    private final String headTable;
    private final String positionColumn;
    private final String context;
    final String entry;
    final String entries;
    final String logNoun;
    final String merkleLogNoun;
    final String headNoun;

    MerkleLogKind(String apiName, String leafTable, String nodeTable, String headTable, String positionColumn,
                  String context, String entry, String entries, String logNoun, String merkleLogNoun, String headNoun) {
        this.apiName = apiName;
        this.leafTable = leafTable;
        this.nodeTable = nodeTable;
        this.headTable = headTable;
        this.positionColumn = positionColumn;
        this.context = context;
        this.entry = entry;
        this.entries = entries;
        this.logNoun = logNoun;
        this.merkleLogNoun = merkleLogNoun;
        this.headNoun = headNoun;
    }

    /** The log called so in the API; refuses any other name. */
    public static MerkleLogKind named(String apiName) {
        return Arrays.stream(values()).filter(kind -> kind.apiName.equals(apiName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No log named " + apiName
                        + "; the logs are " + EVENTS_NAME + " and " + ACCESS_LOG_NAME));
    }

    public String apiName() {
        return apiName;
    }

    public String leafTable() {
        return leafTable;
    }

    public String nodeTable() {
        return nodeTable;
    }

    public String headTable() {
        return headTable;
    }

    /** What a leaf points at: the event's global index, or the access-log row's id. */
    public String positionColumn() {
        return positionColumn;
    }

    /** The first line of this log's heads' signed message. */
    public String context() {
        return context;
    }

    /**
     * The message a head of this log is signed over: context LF treeSize LF rootHash (lower-case hex) LF timestamp.
     */
    public byte[] headMessage(long treeSize, byte[] rootHash, Instant timestamp) {
        return (context + "\n" + treeSize + "\n" + HexFormat.of().formatHex(rootHash) + "\n"
                + TreeHead.format(timestamp)).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] headMessage(TreeHead head) {
        return headMessage(head.treeSize(), head.rootHash(), head.timestamp());
    }
}
