package org.childprotection.registry.integrity;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Compares a log as it is now with the leaves the signer has signed over (SignerRecord): each entry (an event, an
 * access-log row), in the settled order, recomputed into its leaf, against the recorded leaf at the same place. It
 * does not trust the Merkle tables, which their owner can rebuild from a changed log; so it names the first entry
 * changed, removed or put in another place since it was signed.
 */
@Component
public class SignerRecordCheck {

    /** The first place where the log differs from what was signed: a position in the log and what happened there. */
    public record Mismatch(long position, String detail) {
    }

    private final SignerRecord record;
    private final CanonicalEvents events;
    private final CanonicalAccessLog accessRows;

    public SignerRecordCheck(SignerRecord record, CanonicalEvents events, CanonicalAccessLog accessRows) {
        this.record = record;
        this.events = events;
        this.accessRows = accessRows;
    }

    /** Whether the signer's record of this log is at hand here. */
    public boolean available(MerkleLogKind kind) {
        return record.exists(kind.apiName());
    }

    /** Empty when the log holds, in order and unchanged, every leaf the signer has signed over. */
    public Optional<Mismatch> check(MerkleLogKind kind) {
        return kind == MerkleLogKind.EVENTS ? compare(kind, "event", events::inSettledOrder)
                : compare(kind, "access-log row", accessRows::inSettledOrder);
    }

    private <T extends MerkleLogCheck.Logged> Optional<Mismatch> compare(MerkleLogKind kind, String entry,
                                                                         Consumer<Consumer<T>> inSettledOrder) {
        List<SignerRecord.Leaf> signed = record.leaves(kind.apiName());
        Mismatch[] first = {null};
        int[] at = {0};
        inSettledOrder.accept(logged -> {
            if (first[0] != null || at[0] >= signed.size()) {
                return;
            }
            SignerRecord.Leaf leaf = signed.get(at[0]++);
            if (logged.position() != leaf.position()) {
                first[0] = new Mismatch(Math.min(logged.position(), leaf.position()), "the " + entry + " signed at "
                        + "leaf " + (at[0] - 1) + " (position " + leaf.position() + ") is not there: the log has "
                        + entry + " " + logged.position() + " in its place (one was removed, inserted or moved)");
            } else if (!Arrays.equals(logged.leafHash(), leaf.hash())) {
                first[0] = new Mismatch(leaf.position(), entry + " " + leaf.position()
                        + " was changed after the registry signed it");
            }
        });
        if (first[0] == null && at[0] < signed.size()) {
            SignerRecord.Leaf missing = signed.get(at[0]);
            first[0] = new Mismatch(missing.position(), entry + " " + missing.position() + " and the "
                    + (signed.size() - at[0] - 1) + " signed after it are missing from the log (the database is older "
                    + "than the registry's last signed head: restored from a backup?)");
        }
        return Optional.ofNullable(first[0]);
    }
}
