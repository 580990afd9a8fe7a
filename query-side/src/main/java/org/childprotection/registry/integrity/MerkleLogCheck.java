package org.childprotection.registry.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Recomputes one Merkle log from what it logs and compares it with the stored leaves and every signed head: the leaf
 * of every settled entry (an event, an access-log row), in the settled order, and each head's root and signature.
 * Names the first position where the log was changed, an entry deleted, inserted or moved.
 */
final class MerkleLogCheck {

    /** What a leaf logs, read back from its table: its position and its leaf hash recomputed from the row. */
    interface Logged {
        long position();

        byte[] leafHash();
    }

    record Outcome(boolean verified, long checked, Long firstBadPosition, String detail) {

        static Outcome ok(long checked) {
            return new Outcome(true, checked, null, null);
        }

        static Outcome bad(long checked, long position, String detail) {
            return new Outcome(false, checked, position, detail);
        }
    }

    private final MerkleLogKind kind;

    MerkleLogCheck(MerkleLogKind kind) {
        this.kind = kind;
    }

    /**
     * Streams the entries once (keeping only positions and leaf hashes), then checks the heads. The heads are read
     * before the leaves and the leaves before the entries: each only grows, so what is read later covers what was
     * read before, and a head signed meanwhile is not taken for one that covers more than the log.
     */
    <T extends Logged> Outcome run(TreeHeads heads, MerkleLogStore store, Consumer<Consumer<T>> inSettledOrder,
                                   KeyRing keys) {
        List<TreeHead> signed = heads.all();
        List<MerkleLogStore.Leaf> leaves = store.all();
        Set<Long> inLeaves = new HashSet<>();
        leaves.forEach(l -> inLeaves.add(l.position()));
        Set<Long> inLog = new HashSet<>();
        List<byte[]> recomputed = new ArrayList<>(leaves.size());
        long[] misplacedAt = {-1, -1};
        String[] changed = {null};
        inSettledOrder.accept(entry -> {
            inLog.add(entry.position());
            int i = recomputed.size();
            if (i >= leaves.size() || misplacedAt[0] >= 0 || changed[0] != null) {
                return;
            }
            MerkleLogStore.Leaf leaf = leaves.get(i);
            if (entry.position() != leaf.position()) {
                misplacedAt[0] = i;
                misplacedAt[1] = entry.position();
                return;
            }
            byte[] hash = entry.leafHash();
            if (!Arrays.equals(hash, leaf.leafHash())) {
                changed[0] = kind.entry + " " + entry.position() + " was changed after it was logged";
                return;
            }
            recomputed.add(hash);
        });
        int checked = recomputed.size();
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i).leafIndex() != i) {
                return Outcome.bad(checked, leaves.get(i).position(), kind.merkleLogNoun + " has no leaf " + i);
            }
        }
        if (changed[0] != null) {
            return Outcome.bad(checked, leaves.get(checked).position(), changed[0]);
        }
        if (misplacedAt[0] >= 0) {
            return misplaced(checked, misplacedAt[1], leaves.get((int) misplacedAt[0]), inLog, inLeaves);
        }
        if (checked < leaves.size()) {
            long missing = leaves.get(checked).position();
            return Outcome.bad(checked, missing, kind.entry + " " + missing + " was deleted from " + kind.logNoun);
        }
        MerkleTree.Nodes nodes = MerkleTree.inMemory(recomputed);
        for (TreeHead head : signed) {
            if (head.treeSize() > checked) {
                return Outcome.bad(checked, -1, "a signed " + kind.headNoun + " covers " + head.treeSize() + " "
                        + kind.entries + " but " + kind.merkleLogNoun + " has " + checked);
            }
            long lastPosition = head.treeSize() == 0 ? -1 : leaves.get((int) head.treeSize() - 1).position();
            if (!Arrays.equals(MerkleTree.root(nodes, head.treeSize()), head.rootHash())) {
                return Outcome.bad(checked, lastPosition, "the root of the signed " + kind.headNoun + " of size "
                        + head.treeSize() + " does not match " + kind.logNoun);
            }
            Optional<String> unsigned = kind == MerkleLogKind.EVENTS
                    ? keys.problem(head.treeSize(), head.keyId(), kind.headMessage(head), head.signature())
                    // key validity is given in event-log sizes: an access-log head is checked by the key it names
                    : keys.anyRange().problem(head.treeSize(), head.keyId(), kind.headMessage(head), head.signature());
            if (unsigned.isPresent()) {
                return Outcome.bad(checked, lastPosition, unsigned.get().replace("the tree head",
                        "the " + kind.headNoun));
            }
        }
        return Outcome.ok(checked);
    }

    /** The entry at this leaf is another one: name the position of what went wrong. */
    private Outcome misplaced(long checked, long entryPosition, MerkleLogStore.Leaf leaf, Set<Long> inLog,
                              Set<Long> inLeaves) {
        if (!inLog.contains(leaf.position())) {
            return Outcome.bad(checked, leaf.position(),
                    kind.entry + " " + leaf.position() + " was deleted from " + kind.logNoun);
        }
        if (!inLeaves.contains(entryPosition)) {
            return Outcome.bad(checked, entryPosition, kind.entry + " " + entryPosition + " was inserted into "
                    + kind.logNoun + " among " + kind.entries + " already logged");
        }
        return Outcome.bad(checked, leaf.position(), "the " + kind.entry + " logged at position " + leaf.position()
                + " is out of its place: " + kind.logNoun + " now has " + kind.entry + " " + entryPosition + " there");
    }
}
