package org.childprotection.registry.api.integrity;

import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.integrity.Proofs;
import org.childprotection.registry.integrity.TreeHeads;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The two Merkle logs' heads and proofs, by the log's name in the API ({@code events}, {@code access-log}). */
@Component
public class IntegrityLogs {

    private final TreeHeads eventHeads;
    private final TreeHeads accessHeads;
    private final Proofs eventProofs;
    private final Proofs accessProofs;

    public IntegrityLogs(@Qualifier(MerkleLogKind.EVENTS_NAME) TreeHeads eventHeads,
                         @Qualifier(MerkleLogKind.ACCESS_LOG_NAME) TreeHeads accessHeads,
                         @Qualifier(MerkleLogKind.EVENTS_NAME) Proofs eventProofs,
                         @Qualifier(MerkleLogKind.ACCESS_LOG_NAME) Proofs accessProofs) {
        this.eventHeads = eventHeads;
        this.accessHeads = accessHeads;
        this.eventProofs = eventProofs;
        this.accessProofs = accessProofs;
    }

    public TreeHeads heads(MerkleLogKind kind) {
        return kind == MerkleLogKind.EVENTS ? eventHeads : accessHeads;
    }

    public Proofs proofs(MerkleLogKind kind) {
        return kind == MerkleLogKind.EVENTS ? eventProofs : accessProofs;
    }
}
