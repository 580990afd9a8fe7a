package org.childprotection.registry.integrity;

import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed tree head as published (API and exports): hashes in lowercase hex, signature and key in base64,
 * the timestamp exactly as signed; {@code keyId} names the key that signed it ({@link Ed25519Keys#keyId}).
 */
public record SignedTreeHead(long treeSize, String rootHash, String timestamp, String signature, String publicKey,
                             String keyId) {

    /** With this public key; a head signed before V19 names no key and was signed by the first one. */
    public static SignedTreeHead of(TreeHead head, String publicKeyBase64) {
        return new SignedTreeHead(head.treeSize(), HexFormat.of().formatHex(head.rootHash()),
                TreeHead.format(head.timestamp()), Base64.getEncoder().encodeToString(head.signature()), publicKeyBase64,
                head.keyId() != null ? head.keyId() : Ed25519Keys.keyId(Ed25519Keys.publicKey(publicKeyBase64)));
    }

    /**
     * With the key of the ring that signed it, so that a head signed before a rotation carries its own key; with the
     * ring's last key (the signing key) when none did, which any verifier then catches.
     */
    public static SignedTreeHead of(TreeHead head, KeyRing keys) {
        KeyRing.Key signer = keys.signerOf(head).orElse(keys.keys().get(keys.keys().size() - 1));
        return of(head, Ed25519Keys.base64(signer.publicKey()));
    }
}
