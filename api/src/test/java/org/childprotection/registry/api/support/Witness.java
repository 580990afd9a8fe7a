package org.childprotection.registry.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.MerkleLogKind;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** A witness in a test: its Ed25519 keys and the cosignature it posts of a head the API published. */
public final class Witness {

    private Witness() {
    }

    public static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of POST /api/integrity/cosignatures: the witness's signature over the head's signed message. */
    public static Map<String, Object> cosignature(JsonNode head, KeyPair witness, MerkleLogKind kind) {
        byte[] message = kind.headMessage(head.get("treeSize").asLong(),
                HexFormat.of().parseHex(head.get("rootHash").asText()), Instant.parse(head.get("timestamp").asText()));
        return new HashMap<>(Map.of("log", kind.apiName(), "treeSize", head.get("treeSize").asLong(),
                "rootHash", head.get("rootHash").asText(),
                "publicKey", Base64.getEncoder().encodeToString(witness.getPublic().getEncoded()),
                "signature", Base64.getEncoder().encodeToString(Cosignature.sign(witness.getPrivate(), message))));
    }
}
