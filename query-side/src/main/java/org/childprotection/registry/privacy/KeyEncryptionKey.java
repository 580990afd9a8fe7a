package org.childprotection.registry.privacy;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A key-encryption key: it wraps the cases' data keys and is never stored in the database. Its id (16 hex digits
 * of its SHA-256) is kept beside each data key it wraps, so that a rotation knows which keys to re-wrap.
 */
record KeyEncryptionKey(String id, SecretKey key) {

    static KeyEncryptionKey fromBase64(String text, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not base64");
        }
        if (bytes.length != Aead.KEY_BYTES) {
            throw new IllegalArgumentException(where + " holds " + bytes.length + " bytes; a key-encryption key is "
                    + Aead.KEY_BYTES + " random bytes (AES-256), in base64");
        }
        try {
            String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
            return new KeyEncryptionKey(id, new SecretKeySpec(bytes, "AES"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] wrap(String caseId, SecretKey dataKey) {
        return Aead.seal(key, caseId, dataKey.getEncoded());
    }

    SecretKey unwrap(String caseId, byte[] wrapped) {
        return new SecretKeySpec(Aead.open(key, caseId, wrapped), "AES");
    }

    @Override
    public String toString() {
        return "key-encryption key " + id;
    }
}
