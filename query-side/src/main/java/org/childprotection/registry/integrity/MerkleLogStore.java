package org.childprotection.registry.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Merkle log in PostgreSQL: leaves (merkle_leaf) and the hashes of complete subtrees (merkle_node), so that
 * any root or proof needs only O(log n) look-ups. All three tables only ever grow. There is one for each
 * {@link MerkleLogKind} (beans in {@link MerkleLogs}); the access log's tables are access_merkle_leaf and
 * access_merkle_node.
 */
public class MerkleLogStore {

    /** A leaf; {@code position} is what it logs: the event's global index, or the access-log row's id. */
    public record Leaf(long leafIndex, long position, byte[] leafHash) {
    }

    private static final RowMapper<Leaf> LEAF = (rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3));

    private final JdbcTemplate jdbc;
    private final MerkleLogKind kind;
    private final String leaves;
    private final String position;

    public MerkleLogStore(JdbcTemplate jdbc, MerkleLogKind kind) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.leaves = kind.leafTable();
        this.position = kind.positionColumn();
    }

    public MerkleLogKind kind() {
        return kind;
    }

    public long size() {
        return jdbc.queryForObject("SELECT coalesce(max(leaf_index) + 1, 0) FROM " + leaves, Long.class);
    }

    /** A leaf to append: the position of what it logs and its leaf hash. */
    public record NewLeaf(long position, byte[] leafHash) {
    }

    /**
     * Appends the leaves in order, skipping any already in the log, with every complete subtree they close;
     * two batched statements however many leaves.
     */
    public void appendAll(List<NewLeaf> newLeaves) {
        Set<Long> present = new HashSet<>(leafHashes(newLeaves.stream().map(NewLeaf::position).toList()).keySet());
        long leafIndex = size();
        Map<String, byte[]> added = new HashMap<>();
        MerkleTree.Nodes stored = nodes();
        MerkleTree.Nodes nodes = (level, index) -> {
            byte[] hash = added.get(level + "/" + index);
            return hash != null ? hash : stored.complete(level, index);
        };
        List<Object[]> leafRows = new ArrayList<>();
        List<Object[]> nodeRows = new ArrayList<>();
        for (NewLeaf leaf : newLeaves) {
            if (!present.add(leaf.position())) {
                continue;
            }
            leafRows.add(new Object[]{leafIndex, leaf.position(), leaf.leafHash()});
            added.put("0/" + leafIndex, leaf.leafHash());
            long count = leafIndex + 1;
            for (int level = 1; count % (1L << level) == 0; level++) {
                long index = count / (1L << level) - 1;
                byte[] hash = MerkleTree.nodeHash(nodes.complete(level - 1, 2 * index),
                        nodes.complete(level - 1, 2 * index + 1));
                added.put(level + "/" + index, hash);
                nodeRows.add(new Object[]{level, index, hash});
            }
            leafIndex++;
        }
        jdbc.batchUpdate("INSERT INTO " + leaves + " (leaf_index, " + position + ", leaf_hash) VALUES (?, ?, ?)",
                leafRows);
        jdbc.batchUpdate("INSERT INTO " + kind.nodeTable() + " (level, node_index, hash) VALUES (?, ?, ?)", nodeRows);
    }

    public MerkleTree.Nodes nodes() {
        return (level, index) -> level == 0
                ? jdbc.queryForObject("SELECT leaf_hash FROM " + leaves + " WHERE leaf_index = ?", byte[].class, index)
                : jdbc.queryForObject("SELECT hash FROM " + kind.nodeTable() + " WHERE level = ? AND node_index = ?",
                byte[].class, level, index);
    }

    /** Leaves {@code from} (inclusive) to {@code to} (exclusive), in leaf order. */
    public List<SignerRecord.Leaf> leaves(long from, long to) {
        return jdbc.query("SELECT " + position + ", leaf_hash FROM " + leaves + " WHERE leaf_index >= ? AND leaf_index < ? "
                + "ORDER BY leaf_index", (rs, i) -> new SignerRecord.Leaf(rs.getLong(1), rs.getBytes(2)), from, to);
    }

    public Optional<Leaf> leafOf(long position) {
        return jdbc.query("SELECT leaf_index, " + this.position + ", leaf_hash FROM " + leaves + " WHERE "
                + this.position + " = ?", LEAF, position).stream().findFirst();
    }

    /** Every leaf, in order. */
    public List<Leaf> all() {
        return jdbc.query("SELECT leaf_index, " + position + ", leaf_hash FROM " + leaves + " ORDER BY leaf_index", LEAF);
    }

    /** The last leaf, if any. */
    public Optional<Leaf> last() {
        return jdbc.query("SELECT leaf_index, " + position + ", leaf_hash FROM " + leaves
                + " ORDER BY leaf_index DESC LIMIT 1", LEAF).stream().findFirst();
    }

    /** Leaf hashes by position, for the given positions (those not yet in the log are absent). */
    public Map<Long, byte[]> leafHashes(Collection<Long> positions) {
        Map<Long, byte[]> hashes = new HashMap<>();
        if (!positions.isEmpty()) {
            jdbc.query("SELECT " + position + ", leaf_hash FROM " + leaves + " WHERE " + position + " = ANY (?)",
                    rs -> {
                        hashes.put(rs.getLong(1), rs.getBytes(2));
                    }, (Object) positions.toArray(Long[]::new));
        }
        return hashes;
    }
}
