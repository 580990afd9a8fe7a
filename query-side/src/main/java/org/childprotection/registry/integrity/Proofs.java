package org.childprotection.registry.integrity;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Inclusion proofs and consistency proofs between tree heads (RFC 9162 §2.1.3, §2.1.4) of one Merkle log (beans in
 * {@link MerkleLogs}); the proofs of a case's events are the event log's.
 */
public class Proofs {

    public record Inclusion(String eventId, long globalIndex, long leafIndex, String leafHash, List<String> auditPath) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final MerkleLogStore log;
    private final CanonicalEvents events;

    public Proofs(MerkleLogStore log, CanonicalEvents events) {
        this.log = log;
        this.events = events;
    }

    public MerkleLogKind kind() {
        return log.kind();
    }

    /** Proofs for every event of the case that the head covers, in the case's order (the event log's only). */
    public List<Inclusion> ofCase(String caseId, TreeHead head) {
        if (log.kind() != MerkleLogKind.EVENTS) {
            throw new IllegalStateException("a case's events are proven in the event log, not in " + log.kind().apiName());
        }
        List<Inclusion> proofs = new ArrayList<>();
        for (CanonicalEvent event : events.ofCase(caseId)) {
            log.leafOf(event.globalIndex()).filter(leaf -> leaf.leafIndex() < head.treeSize()).ifPresent(leaf ->
                    proofs.add(inclusion(event.eventId(), leaf, head.treeSize())));
        }
        return proofs;
    }

    public Inclusion inclusion(String eventId, MerkleLogStore.Leaf leaf, long treeSize) {
        return new Inclusion(eventId, leaf.position(), leaf.leafIndex(), HEX.formatHex(leaf.leafHash()),
                auditPath(leaf.leafIndex(), treeSize));
    }

    /** The audit path of the leaf in the tree of this size, hex. */
    public List<String> auditPath(long leafIndex, long treeSize) {
        return hex(MerkleTree.inclusionProof(log.nodes(), leafIndex, treeSize));
    }

    public List<String> consistency(long from, long to) {
        return hex(MerkleTree.consistencyProof(log.nodes(), from, to));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
