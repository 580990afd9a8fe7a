package org.childprotection.registry.integrity;

import org.springframework.stereotype.Component;

import java.security.PublicKey;

/**
 * Recomputes the whole log and compares it with the Merkle log and every signed tree head: the leaf of every
 * event, in the settled order, and each head's root and signature. Names the first global position where the
 * log was changed, an event deleted, inserted or moved.
 */
@Component
public class IntegrityVerifier {

    public record Result(boolean verified, long checkedEvents, Long firstBadPosition, String detail) {
    }

    private final CanonicalEvents events;
    private final TreeHeads heads;
    private final MerkleLogStore log;

    public IntegrityVerifier(CanonicalEvents events, TreeHeads heads, MerkleLogStore log) {
        this.events = events;
        this.heads = heads;
        this.log = log;
    }

    /** Streams the log once (keeping only positions and leaf hashes, not events), then checks the heads. */
    public Result verify(PublicKey publicKey) {
        MerkleLogCheck.Outcome events = new MerkleLogCheck(MerkleLogKind.EVENTS)
                .run(heads, log, this.events::inSettledOrder, publicKey);
        return new Result(events.verified(), events.checked(), events.firstBadPosition(), events.detail());
    }
}
