package org.childprotection.registry.api.integrity;

import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.SignedTreeHead;

import java.util.List;

/** A signed head as the API publishes it, with the witnesses' cosignatures it has received. */
public record PublishedHead(long treeSize, String rootHash, String timestamp, String signature, String publicKey,
                            String keyId, List<Cosignature.Published> cosignatures) {

    static PublishedHead of(SignedTreeHead head, List<Cosignature> cosignatures) {
        return new PublishedHead(head.treeSize(), head.rootHash(), head.timestamp(), head.signature(),
                head.publicKey(), head.keyId(), cosignatures.stream().map(Cosignature::published).toList());
    }
}
