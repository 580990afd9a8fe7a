package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.Cosignatures;
import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.integrity.MerkleLogStore;
import org.childprotection.registry.integrity.Proofs;
import org.childprotection.registry.integrity.SignedTreeHead;
import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.registry.integrity.TreeHead;
import org.childprotection.registry.integrity.TreeHeads;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Optional;


/**
 * What {@code export --with-proofs} adds: the signed head as the first line, with the key id of the key that signed
 * it and the witnesses' cosignatures of it, and a proof on every event line.
 */
final class ProofWriter {

    private final TreeHead head;
    private final SignedTreeHead signed;
    private final List<Cosignature> cosignatures;
    private final MerkleLogStore log;
    private final Proofs proofs;

    private ProofWriter(TreeHead head, ApplicationContext context) {
        this.head = head;
        this.signed = SignedTreeHead.of(head, context.getBean(SigningKey.class).keyRing());
        this.cosignatures = context.getBean(Cosignatures.class).of(MerkleLogKind.EVENTS_NAME, head.treeSize(), head.rootHash());
        this.log = context.getBean(MerkleLogStore.class);
        this.proofs = context.getBean(Proofs.class);
    }

    /**
     * Against the newest head that witnesses cosigned and that covers every exported event ({@code coveringSize}, null
     * when an exported event is not in the Merkle log yet), else the latest head; null when there is none. A cosigned
     * head lets the reader rely on the witnesses rather than on the registry alone, and the latest head is often not
     * cosigned yet (witnesses run every few minutes); but a head that leaves an exported event unproven is worse.
     */
    static ProofWriter choose(ApplicationContext context, Long coveringSize) {
        TreeHeads heads = context.getBean(TreeHeads.class);
        Long cosigned = coveringSize == null ? null
                : context.getBean(Cosignatures.class).newestCosignedSize(MerkleLogKind.EVENTS_NAME, coveringSize);
        Optional<TreeHead> head = cosigned != null ? heads.ofSize(cosigned) : heads.latest();
        return head.map(h -> new ProofWriter(h, context)).orElse(null);
    }

    String headLine() {
        ObjectNode treeHead = EventJson.mapper().valueToTree(signed);
        ArrayNode cosigned = treeHead.putArray("cosignatures");
        cosignatures.forEach(c -> cosigned.add(EventJson.mapper().<ObjectNode>valueToTree(c.published())));
        ObjectNode line = EventJson.mapper().createObjectNode();
        line.set("treeHead", treeHead);
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
