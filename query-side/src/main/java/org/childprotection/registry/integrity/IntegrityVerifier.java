package org.childprotection.registry.integrity;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.security.PublicKey;

/**
 * Recomputes the whole log and compares it with the Merkle log and every signed tree head: the leaf of every
 * event, in the settled order, and each head's root and signature. Names the first global position where the
 * log was changed, an event deleted, inserted or moved. Does the same for the access log and its own Merkle log,
 * naming the access-log row's id.
 */
@Component
public class IntegrityVerifier {

    /** The event log's outcome at the top, the access log's in {@code accessLog}; verified only when both are. */
    public record Result(boolean verified, long checkedEvents, Long firstBadPosition, String detail,
                         AccessLogResult accessLog) {
    }

    /** The access log's outcome: {@code firstBadPosition} is an access-log row's id. */
    public record AccessLogResult(boolean verified, long checkedEntries, Long firstBadPosition, String detail) {
    }

    private final CanonicalEvents events;
    private final TreeHeads heads;
    private final MerkleLogStore log;
    private final CanonicalAccessLog accessRows;
    private final TreeHeads accessHeads;
    private final MerkleLogStore accessLog;
    private final SignerRecordCheck recordCheck;

    public IntegrityVerifier(CanonicalEvents events, @Qualifier(MerkleLogKind.EVENTS_NAME) TreeHeads heads,
                             @Qualifier(MerkleLogKind.EVENTS_NAME) MerkleLogStore log, CanonicalAccessLog accessRows,
                             @Qualifier(MerkleLogKind.ACCESS_LOG_NAME) TreeHeads accessHeads,
                             @Qualifier(MerkleLogKind.ACCESS_LOG_NAME) MerkleLogStore accessLog,
                             SignerRecordCheck recordCheck) {
        this.recordCheck = recordCheck;
        this.events = events;
        this.heads = heads;
        this.log = log;
        this.accessRows = accessRows;
        this.accessHeads = accessHeads;
        this.accessLog = accessLog;
    }

    /**
     * Streams each log once (keeping only positions and leaf hashes, not rows), then checks its heads; then, where
     * the signer's record is at hand (the API's own, or one given to replay-tools), the log against what the registry
     * signed: the Merkle tables and heads can be rebuilt by whoever owns them, the record cannot.
     */
    public Result verify(PublicKey publicKey) {
        return verify(KeyRing.of(publicKey));
    }

    /** With each head checked by the key valid for it (key rotation: docs/tamper-evident-log.md). */
    public Result verify(KeyRing publicKey) {
        MerkleLogCheck.Outcome events = againstRecord(MerkleLogKind.EVENTS, new MerkleLogCheck(MerkleLogKind.EVENTS)
                .run(heads, log, this.events::inSettledOrder, publicKey));
        MerkleLogCheck.Outcome access = againstRecord(MerkleLogKind.ACCESS_LOG,
                new MerkleLogCheck(MerkleLogKind.ACCESS_LOG)
                        .run(accessHeads, accessLog, accessRows::inSettledOrder, publicKey));
        return new Result(events.verified() && access.verified(), events.checked(), events.firstBadPosition(),
                events.detail(), new AccessLogResult(access.verified(), access.checked(), access.firstBadPosition(),
                access.detail()));
    }

    private MerkleLogCheck.Outcome againstRecord(MerkleLogKind kind, MerkleLogCheck.Outcome inDatabase) {
        if (!inDatabase.verified() || !recordCheck.available(kind)) {
            return inDatabase;
        }
        return recordCheck.check(kind).map(m -> MerkleLogCheck.Outcome.bad(inDatabase.checked(), m.position(),
                m.detail() + " (the signer's record outside the database says so)")).orElse(inDatabase);
    }
}
