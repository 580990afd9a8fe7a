package org.childprotection.registry.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recomputes the whole log and compares it with the Merkle log and every signed tree head: the leaf of every
 * event, in the settled order, and each head's root and signature. Names the first global position where the
 * log was changed, an event deleted, inserted or moved.
 */
@Component
public class IntegrityVerifier {

    public record Result(boolean verified, long checkedEvents, Long firstBadPosition, String detail) {

        static Result ok(long checked) {
            return new Result(true, checked, null, null);
        }

        static Result bad(long checked, long position, String detail) {
            return new Result(false, checked, position, detail);
        }
    }

    private final JdbcTemplate jdbc;
    private final CanonicalEvents events;
    private final TreeHeads heads;

    public IntegrityVerifier(JdbcTemplate jdbc, CanonicalEvents events, TreeHeads heads) {
        this.jdbc = jdbc;
        this.events = events;
        this.heads = heads;
    }

    public Result verify(PublicKey publicKey) {
        List<MerkleLogStore.Leaf> leaves = jdbc.query("SELECT leaf_index, global_index, leaf_hash FROM merkle_leaf "
                + "ORDER BY leaf_index", (rs, i) -> new MerkleLogStore.Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3)));
        List<CanonicalEvent> log = new ArrayList<>();
        events.inSettledOrder(log::add);
        Set<Long> inLog = new HashSet<>();
        log.forEach(e -> inLog.add(e.globalIndex()));
        Set<Long> inLeaves = new HashSet<>();
        leaves.forEach(l -> inLeaves.add(l.globalIndex()));

        List<byte[]> recomputed = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            MerkleLogStore.Leaf leaf = leaves.get(i);
            if (leaf.leafIndex() != i) {
                return Result.bad(i, leaf.globalIndex(), "the Merkle log has no leaf " + i);
            }
            if (i >= log.size()) {
                return Result.bad(i, leaf.globalIndex(), "event " + leaf.globalIndex() + " was deleted from the log");
            }
            CanonicalEvent event = log.get(i);
            if (event.globalIndex() != leaf.globalIndex()) {
                return misplaced(i, event, leaf, inLog, inLeaves);
            }
            byte[] hash = event.leafHash();
            if (!Arrays.equals(hash, leaf.leafHash())) {
                return Result.bad(i, event.globalIndex(), "event " + event.globalIndex() + " was changed after it was logged");
            }
            recomputed.add(hash);
        }
        MerkleTree.Nodes nodes = MerkleTree.inMemory(recomputed);
        for (TreeHead head : heads.all()) {
            if (head.treeSize() > recomputed.size()) {
                return Result.bad(recomputed.size(), -1, "a signed tree head covers " + head.treeSize()
                        + " events but the Merkle log has " + recomputed.size());
            }
            if (!Arrays.equals(MerkleTree.root(nodes, head.treeSize()), head.rootHash())) {
                return Result.bad(recomputed.size(), leaves.get((int) head.treeSize() - 1).globalIndex(),
                        "the root of the signed tree head of size " + head.treeSize() + " does not match the log");
            }
            if (!SigningKey.verify(publicKey, head.message(), head.signature())) {
                return Result.bad(recomputed.size(), leaves.get((int) head.treeSize() - 1).globalIndex(),
                        "the signature of the tree head of size " + head.treeSize() + " is not valid");
            }
        }
        return Result.ok(recomputed.size());
    }

    /** The log's event at this leaf is another one: name the position of what went wrong. */
    private static Result misplaced(long checked, CanonicalEvent event, MerkleLogStore.Leaf leaf, Set<Long> inLog,
                                    Set<Long> inLeaves) {
        if (!inLog.contains(leaf.globalIndex())) {
            return Result.bad(checked, leaf.globalIndex(), "event " + leaf.globalIndex() + " was deleted from the log");
        }
        if (!inLeaves.contains(event.globalIndex())) {
            return Result.bad(checked, event.globalIndex(), "event " + event.globalIndex()
                    + " was inserted into the log among events already logged");
        }
        return Result.bad(checked, leaf.globalIndex(), "the event logged at position " + leaf.globalIndex()
                + " is out of its place: the log now has event " + event.globalIndex() + " there");
    }
}
