package org.childprotection.registry.integrity;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A witness's cosignature of a signed head: Ed25519, with the witness's own key, over the UTF-8 bytes of
 * {@code child-protection-registry/cosignature/v1} LF and the head's exact signed message ({@link TreeHead#message()},
 * or the access log's), which starts with its own context line, so a cosignature of one log's head can never pass for
 * the other's. {@link Published} is its form in the API and in exports.
 */
public record Cosignature(String witness, PublicKey publicKey, byte[] signature, Instant receivedAt) {

    public static final String CONTEXT = "child-protection-registry/cosignature/v1";

    /** As published: keys and signature in base64 (X.509 DER for the key), {@code keyId} as for the registry's. */
    public record Published(String witness, String publicKey, String keyId, String signature, String receivedAt) {
    }

    /** What a witness signs for the head whose signed message this is. */
    public static byte[] message(byte[] headMessage) {
        byte[] context = (CONTEXT + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(context, context.length + headMessage.length);
        System.arraycopy(headMessage, 0, message, context.length, headMessage.length);
        return message;
    }

    public static byte[] sign(PrivateKey witnessKey, byte[] headMessage) {
        return Ed25519Keys.sign(witnessKey, message(headMessage));
    }

    /** Whether this is the witness's signature of the head whose signed message this is. */
    public boolean verifies(byte[] headMessage) {
        return Ed25519Keys.verify(publicKey, message(headMessage), signature);
    }

    public String keyId() {
        return Ed25519Keys.keyId(publicKey);
    }

    public Published published() {
        return new Published(witness, Ed25519Keys.base64(publicKey), keyId(),
                Base64.getEncoder().encodeToString(signature), receivedAt == null ? null : receivedAt.toString());
    }

    /** Read back from its published form; the keyId there is not trusted, it is recomputed from the key. */
    public static Cosignature of(Published published) {
        return new Cosignature(published.witness(), Ed25519Keys.publicKey(published.publicKey()),
                Base64.getDecoder().decode(published.signature()),
                published.receivedAt() == null ? null : Instant.parse(published.receivedAt()));
    }
}
