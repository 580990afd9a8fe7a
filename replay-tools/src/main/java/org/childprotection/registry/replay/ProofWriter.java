package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.MerkleLogStore;
import org.childprotection.registry.integrity.Proofs;
import org.childprotection.registry.integrity.SignedTreeHead;
import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.registry.integrity.TreeHead;
import org.childprotection.registry.integrity.TreeHeads;
import org.springframework.context.ApplicationContext;


/** What {@code export --with-proofs} adds: the signed head as the first line, a proof on every event line. */
final class ProofWriter {

    private final TreeHead head;
    private final MerkleLogStore log;
    private final Proofs proofs;
    private final String publicKey;

    private ProofWriter(TreeHead head, MerkleLogStore log, Proofs proofs, String publicKey) {
        this.head = head;
        this.log = log;
        this.proofs = proofs;
        this.publicKey = publicKey;
    }

    /** Against the latest signed tree head; null when there is none. */
    static ProofWriter latest(ApplicationContext context) {
        return context.getBean(TreeHeads.class).latest().map(head -> new ProofWriter(head,
                context.getBean(MerkleLogStore.class), context.getBean(Proofs.class),
                context.getBean(SigningKey.class).publicKeyBase64())).orElse(null);
    }

    String headLine() {
        ObjectNode line = EventJson.mapper().createObjectNode();
        line.set("treeHead", EventJson.mapper().valueToTree(SignedTreeHead.of(head, publicKey)));
        return line.toString();
    }

    /** Adds leafIndex, leafHash and auditPath; an event the head does not cover yet gets none. */
    void addProof(ObjectNode line) {
        long globalIndex = line.get("globalIndex").asLong();
        log.leafOf(globalIndex).filter(leaf -> leaf.leafIndex() < head.treeSize()).ifPresent(leaf -> {
            Proofs.Inclusion proof = proofs.inclusion(line.get("eventId").asText(), leaf, head.treeSize());
            line.put("leafIndex", proof.leafIndex());
            line.put("leafHash", proof.leafHash());
            proof.auditPath().forEach(line.withArray("auditPath")::add);
        });
    }
}
