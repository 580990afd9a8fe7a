package org.childprotection.registry.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A witness's cosignature of a signed head: Ed25519, by the witness's own key, over the UTF-8 bytes of
 * {@code "child-protection-registry/cosignature/v1\n"} followed by the head's exact signed message (which begins with
 * its own log's context line, so a cosignature of one log's head can never pass for the other's).
 */
public record Cosignature(String log, long treeSize, byte[] rootHash, String witness, PublicKey publicKey,
                          byte[] signature, Instant receivedAt) {

    public static final String CONTEXT = "child-protection-registry/cosignature/v1";

    /** What a witness signs for a head whose signed message is this. */
    public static byte[] message(byte[] headMessage) {
        byte[] prefix = (CONTEXT + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + headMessage.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(headMessage, 0, message, prefix.length, headMessage.length);
        return message;
    }

    public static boolean verify(PublicKey witnessKey, byte[] headMessage, byte[] signature) {
        return SigningKey.verify(witnessKey, message(headMessage), signature);
    }

    /** A key's id: lower-case hex SHA-256 of its X.509 SubjectPublicKeyInfo encoding. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
