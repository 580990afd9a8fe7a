package org.childprotection.registry.integrity;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Compares the log as it is now with the leaves the signer has signed over (SignerRecord): each event, in the settled
 * order, recomputed into its leaf, against the recorded leaf at the same place. It does not trust the Merkle tables,
 * which their owner can rebuild from a changed log; so it names the first event changed, removed or put in another
 * place since it was signed.
 */
@Component
public class SignerRecordCheck {

    /** The first place where the log differs from what was signed: a position in the log and what happened there. */
    public record Mismatch(long position, String detail) {
    }

    public static final String EVENTS = "events";

    private final SignerRecord record;
    private final CanonicalEvents events;

    public SignerRecordCheck(SignerRecord record, CanonicalEvents events) {
        this.record = record;
        this.events = events;
    }

    /** Empty when the event log holds, in order and unchanged, every leaf the signer has signed over. */
    public Optional<Mismatch> events() {
        List<SignerRecord.Leaf> signed = record.leaves(EVENTS);
        Mismatch[] first = {null};
        int[] at = {0};
        events.inSettledOrder(event -> {
            if (first[0] != null || at[0] >= signed.size()) {
                return;
            }
            SignerRecord.Leaf leaf = signed.get(at[0]++);
            if (event.globalIndex() != leaf.position()) {
                first[0] = new Mismatch(Math.min(event.globalIndex(), leaf.position()), "the event signed at leaf "
                        + (at[0] - 1) + " (position " + leaf.position() + ") is not there: the log has event "
                        + event.globalIndex() + " in its place (an event was removed, inserted or moved)");
            } else if (!Arrays.equals(event.leafHash(), leaf.hash())) {
                first[0] = new Mismatch(leaf.position(), "event " + leaf.position()
                        + " was changed after the registry signed it");
            }
        });
        if (first[0] == null && at[0] < signed.size()) {
            SignerRecord.Leaf missing = signed.get(at[0]);
            first[0] = new Mismatch(missing.position(), "event " + missing.position() + " and the "
                    + (signed.size() - at[0] - 1) + " signed after it are missing from the log (the database is older "
                    + "than the registry's last signed head: restored from a backup?)");
        }
        return Optional.ofNullable(first[0]);
    }
}
