package org.childprotection.registry.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Merkle log in PostgreSQL: leaves (merkle_leaf) and the hashes of complete subtrees (merkle_node), so that
 * any root or proof needs only O(log n) look-ups. All three tables only ever grow.
 */
@Repository
public class MerkleLogStore {

    public record Leaf(long leafIndex, long globalIndex, byte[] leafHash) {
    }

    private final JdbcTemplate jdbc;

    public MerkleLogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long size() {
        return jdbc.queryForObject("SELECT coalesce(max(leaf_index) + 1, 0) FROM merkle_leaf", Long.class);
    }

    /** A leaf to append: the event's position in the log and its leaf hash. */
    public record NewLeaf(long globalIndex, byte[] leafHash) {
    }

    /**
     * Appends the leaves in order, skipping any already in the log, with every complete subtree they close;
     * two batched statements however many leaves.
     */
    public void appendAll(List<NewLeaf> leaves) {
        Set<Long> present = new HashSet<>(leafHashes(leaves.stream().map(NewLeaf::globalIndex).toList()).keySet());
        long leafIndex = size();
        Map<String, byte[]> added = new HashMap<>();
        MerkleTree.Nodes stored = nodes();
        MerkleTree.Nodes nodes = (level, index) -> {
            byte[] hash = added.get(level + "/" + index);
            return hash != null ? hash : stored.complete(level, index);
        };
        List<Object[]> leafRows = new ArrayList<>();
        List<Object[]> nodeRows = new ArrayList<>();
        for (NewLeaf leaf : leaves) {
            if (!present.add(leaf.globalIndex())) {
                continue;
            }
            leafRows.add(new Object[]{leafIndex, leaf.globalIndex(), leaf.leafHash()});
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
        jdbc.batchUpdate("INSERT INTO merkle_leaf (leaf_index, global_index, leaf_hash) VALUES (?, ?, ?)", leafRows);
        jdbc.batchUpdate("INSERT INTO merkle_node (level, node_index, hash) VALUES (?, ?, ?)", nodeRows);
    }

    public MerkleTree.Nodes nodes() {
        return (level, index) -> level == 0
                ? jdbc.queryForObject("SELECT leaf_hash FROM merkle_leaf WHERE leaf_index = ?", byte[].class, index)
                : jdbc.queryForObject("SELECT hash FROM merkle_node WHERE level = ? AND node_index = ?", byte[].class,
                level, index);
    }

    /** Leaves {@code from} (inclusive) to {@code to} (exclusive), in leaf order. */
    public List<SignerRecord.Leaf> leaves(long from, long to) {
        return jdbc.query("SELECT global_index, leaf_hash FROM merkle_leaf WHERE leaf_index >= ? AND leaf_index < ? "
                + "ORDER BY leaf_index", (rs, i) -> new SignerRecord.Leaf(rs.getLong(1), rs.getBytes(2)), from, to);
    }

    public Optional<Leaf> leafOf(long globalIndex) {
        return jdbc.query("SELECT leaf_index, global_index, leaf_hash FROM merkle_leaf WHERE global_index = ?",
                (rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3)), globalIndex).stream().findFirst();
    }

    /** Leaf hashes by global index, for the given events (those not yet in the log are absent). */
    public Map<Long, byte[]> leafHashes(Collection<Long> globalIndexes) {
        Map<Long, byte[]> hashes = new HashMap<>();
        if (!globalIndexes.isEmpty()) {
            jdbc.query("SELECT global_index, leaf_hash FROM merkle_leaf WHERE global_index = ANY (?)",
                    rs -> {
                        hashes.put(rs.getLong(1), rs.getBytes(2));
                    }, (Object) globalIndexes.toArray(Long[]::new));
        }
        return hashes;
    }
}
