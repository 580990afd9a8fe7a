package org.childprotection.registry.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys as the registry, its witnesses and its tools exchange them: PEM (as {@code openssl pkey} writes) or
 * plain base64 of the DER encoding (X.509 SubjectPublicKeyInfo for public keys, PKCS#8 for private ones).
 */
public final class Ed25519Keys {

    private static final byte[] PROBE = "child-protection-registry/key-probe".getBytes(StandardCharsets.US_ASCII);

    private Ed25519Keys() {
    }

    public static PublicKey publicKey(String base64OrPem) {
        try {
            return publicKey(der(base64OrPem));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key (X.509, base64 or PEM)", e);
        }
    }

    /** From its X.509 SubjectPublicKeyInfo DER, as table cosignature keeps it. */
    public static PublicKey publicKey(byte[] der) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key (X.509, base64 or PEM)", e);
        }
    }

    /** A PKCS#8 private key; the message never repeats the text, which is a secret. */
    public static PrivateKey privateKey(String base64OrPem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(base64OrPem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key (PKCS#8, base64 or PEM)");
        }
    }

    /**
     * The public half of a private key. The JDK has no call for it, but its key-pair generator derives the public
     * key from the 32 random bytes it draws, so a generator handed the key's own bytes yields the same pair; a probe
     * signature proves that it did.
     */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("The private key's bytes cannot be read"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            KeyPair pair = generator.generateKeyPair();
            if (!verify(pair.getPublic(), PROBE, sign(privateKey, PROBE))) {
                throw new IllegalStateException("Cannot derive the public key of this Ed25519 key");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The key id: lower-case hex SHA-256 of the public key's X.509 SubjectPublicKeyInfo encoding. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with this Ed25519 key", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String base64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The DER bytes of a PEM text or of plain base64 (white space ignored). */
    static byte[] der(String base64OrPem) {
        return Base64.getDecoder().decode(base64OrPem.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", ""));
    }
}
