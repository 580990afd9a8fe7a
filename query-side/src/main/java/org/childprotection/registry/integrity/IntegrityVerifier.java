package org.childprotection.registry.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

    /** Against one key valid for every head. */
    public Result verify(PublicKey publicKey) {
        return verify(KeyRing.of(publicKey));
    }

    /**
     * Streams the log once (keeping only positions and leaf hashes, not events), then checks the heads, each with the
     * key of the ring valid for its size (and the one it names).
     */
    public Result verify(KeyRing keys) {
        List<MerkleLogStore.Leaf> leaves = jdbc.query("SELECT leaf_index, global_index, leaf_hash FROM merkle_leaf "
                + "ORDER BY leaf_index", (rs, i) -> new MerkleLogStore.Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3)));
        Set<Long> inLeaves = new HashSet<>();
        leaves.forEach(l -> inLeaves.add(l.globalIndex()));
        Set<Long> inLog = new HashSet<>();
        List<byte[]> recomputed = new ArrayList<>(leaves.size());
        long[] misplacedAt = {-1, -1};
        String[] changed = {null};
        events.inSettledOrder(event -> {
            inLog.add(event.globalIndex());
            int i = recomputed.size();
            if (i >= leaves.size() || misplacedAt[0] >= 0 || changed[0] != null) {
                return;
            }
            MerkleLogStore.Leaf leaf = leaves.get(i);
            if (event.globalIndex() != leaf.globalIndex()) {
                misplacedAt[0] = i;
                misplacedAt[1] = event.globalIndex();
                return;
            }
            byte[] hash = event.leafHash();
            if (!Arrays.equals(hash, leaf.leafHash())) {
                changed[0] = "event " + event.globalIndex() + " was changed after it was logged";
                return;
            }
            recomputed.add(hash);
        });
        int checked = recomputed.size();
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i).leafIndex() != i) {
                return Result.bad(checked, leaves.get(i).globalIndex(), "the Merkle log has no leaf " + i);
            }
        }
        if (changed[0] != null) {
            return Result.bad(checked, leaves.get(checked).globalIndex(), changed[0]);
        }
        if (misplacedAt[0] >= 0) {
            return misplaced(checked, misplacedAt[1], leaves.get((int) misplacedAt[0]), inLog, inLeaves);
        }
        if (checked < leaves.size()) {
            long missing = leaves.get(checked).globalIndex();
            return Result.bad(checked, missing, "event " + missing + " was deleted from the log");
        }
        MerkleTree.Nodes nodes = MerkleTree.inMemory(recomputed);
        for (TreeHead head : heads.all()) {
            if (head.treeSize() > checked) {
                return Result.bad(checked, -1, "a signed tree head covers " + head.treeSize()
                        + " events but the Merkle log has " + checked);
            }
            long lastPosition = head.treeSize() == 0 ? -1 : leaves.get((int) head.treeSize() - 1).globalIndex();
            if (!Arrays.equals(MerkleTree.root(nodes, head.treeSize()), head.rootHash())) {
                return Result.bad(checked, lastPosition,
                        "the root of the signed tree head of size " + head.treeSize() + " does not match the log");
            }
            Optional<String> unsigned = keys.problem(head);
            if (unsigned.isPresent()) {
                return Result.bad(checked, lastPosition, unsigned.get());
            }
        }
        return Result.ok(checked);
    }

    /** The log's event at this leaf is another one: name the position of what went wrong. */
    private static Result misplaced(long checked, long eventGlobalIndex, MerkleLogStore.Leaf leaf, Set<Long> inLog,
                                    Set<Long> inLeaves) {
        if (!inLog.contains(leaf.globalIndex())) {
            return Result.bad(checked, leaf.globalIndex(), "event " + leaf.globalIndex() + " was deleted from the log");
        }
        if (!inLeaves.contains(eventGlobalIndex)) {
            return Result.bad(checked, eventGlobalIndex, "event " + eventGlobalIndex
                    + " was inserted into the log among events already logged");
        }
        return Result.bad(checked, leaf.globalIndex(), "the event logged at position " + leaf.globalIndex()
                + " is out of its place: the log now has event " + eventGlobalIndex + " there");
    }
}
