package org.childprotection.registry.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs tree heads: a PKCS#8 PEM file ({@code registry.integrity.signing-key-file}) and
 * its public key beside it ({@code <file>.pub}, X.509 PEM). With {@code registry.integrity.generate-key=true}
 * a missing pair is generated on first start (the demo profile says so; production provides its own key).
 */
@Component
public class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    /** Where the key is unless {@code registry.integrity.signing-key-file} says otherwise. */
    public static final String DEFAULT_FILE = "registry-data/tree-head-signing-key.pem";

    private final Path privateFile;
    private final Path publicFile;
    private final boolean generate;
    private volatile KeyPair keys;

    public SigningKey(@Value("${registry.integrity.signing-key-file:" + DEFAULT_FILE + "}") Path file,
                      @Value("${registry.integrity.generate-key:false}") boolean generate) {
        this.privateFile = file.toAbsolutePath();
        this.publicFile = Path.of(privateFile + ".pub");
        this.generate = generate;
    }

    public byte[] sign(byte[] message) {
        return sign(keys().getPrivate(), message);
    }

    /** Ed25519 with any private key: the registry's here, a witness's for its cosignatures. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with Ed25519", e);
        }
    }

    /** The public key; read from {@code <file>.pub} alone when the private key is not needed. */
    public PublicKey publicKey() {
        if (keys == null && Files.exists(publicFile)) {
            try {
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(KeyFiles.pem(publicFile)));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("Cannot read the public key " + publicFile, e);
            }
        }
        return keys().getPublic();
    }

    /** The public key as base64 of its X.509 (SubjectPublicKeyInfo) encoding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey().getEncoded());
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static PublicKey publicKeyFrom(String base64OrPem) {
        try {
            String body = base64OrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key (X.509, base64 or PEM)", e);
        }
    }

    private KeyPair keys() {
        KeyPair loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = Files.exists(privateFile) ? load() : create();
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    private KeyPair load() {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(KeyFiles.pem(privateFile)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(KeyFiles.pem(publicFile)));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read the tree-head signing key " + privateFile, e);
        }
    }

    private KeyPair create() {
        if (!generate) {
            throw new IllegalStateException("No tree-head signing key at " + privateFile
                    + " and registry.integrity.generate-key is false");
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(privateFile.getParent());
            // the public half first: a private key on disk always has its public key beside it
            KeyFiles.writeAtomically(publicFile, KeyFiles.pemText("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            KeyFiles.writeAtomically(privateFile,
                    KeyFiles.pemText("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            log.info("Generated a tree-head signing key at {} (public key {})", privateFile, publicFile);
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the tree-head signing key " + privateFile, e);
        }
    }
}
