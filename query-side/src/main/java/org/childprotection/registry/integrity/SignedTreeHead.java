package org.childprotection.registry.integrity;

import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed tree head as published (API and exports): hashes in lowercase hex, signature and key in base64,
 * the timestamp exactly as signed.
 */
public record SignedTreeHead(long treeSize, String rootHash, String timestamp, String signature, String publicKey) {

    public static SignedTreeHead of(TreeHead head, String publicKeyBase64) {
        return new SignedTreeHead(head.treeSize(), HexFormat.of().formatHex(head.rootHash()),
                TreeHead.format(head.timestamp()), Base64.getEncoder().encodeToString(head.signature()), publicKeyBase64);
    }
}
