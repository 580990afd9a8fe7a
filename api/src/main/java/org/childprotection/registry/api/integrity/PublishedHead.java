package org.childprotection.registry.api.integrity;

import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.SignedTreeHead;

import java.util.Base64;
import java.util.List;

/** A signed head as the API publishes it, with the witnesses' cosignatures it has received. */
public record PublishedHead(long treeSize, String rootHash, String timestamp, String signature, String publicKey,
                            String keyId, List<WitnessCosignature> cosignatures) {

    public record WitnessCosignature(String witness, String publicKey, String keyId, String signature,
                                     String receivedAt) {

        static WitnessCosignature of(Cosignature c) {
            return new WitnessCosignature(c.witness(), Base64.getEncoder().encodeToString(c.publicKey().getEncoded()),
                    Cosignature.keyId(c.publicKey()), Base64.getEncoder().encodeToString(c.signature()),
                    c.receivedAt().toString());
        }
    }

    static PublishedHead of(SignedTreeHead head, String keyId, List<Cosignature> cosignatures) {
        return new PublishedHead(head.treeSize(), head.rootHash(), head.timestamp(), head.signature(),
                head.publicKey(), keyId, cosignatures.stream().map(WitnessCosignature::of).toList());
    }
}
