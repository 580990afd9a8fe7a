package org.childprotection.registry.integrity;

import org.springframework.core.env.PropertyResolver;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the tree-head signing key comes from: a PKCS#8 file (the default), the text of the key in a property or
 * the environment ({@code REGISTRY_INTEGRITY_SIGNING_KEY}), or a PKCS#11 token. The API's start checks
 * {@link #problems(PropertyResolver)} before anything is created; the key itself is read when first needed.
 */
public sealed interface SigningKeySource permits SigningKeyFromFile, SigningKeyFromText, SigningKeyFromToken {

    String FILE = "registry.integrity.signing-key-file";
    String GENERATE = "registry.integrity.generate-key";
    String TEXT = "registry.integrity.signing-key";
    String PKCS11_CONFIG = "registry.integrity.pkcs11.config";

    /** A key ready to sign: on a token, only the token's provider can use the private key. */
    record Loaded(PrivateKey privateKey, PublicKey publicKey, Provider provider) {

        public byte[] sign(byte[] message) {
            try {
                Signature ed25519 = provider == null ? Signature.getInstance("Ed25519")
                        : Signature.getInstance("Ed25519", provider);
                ed25519.initSign(privateKey);
                ed25519.update(message);
                return ed25519.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot sign a tree head", e);
            }
        }
    }

    static SigningKeySource from(PropertyResolver env) {
        String text = env.getProperty(TEXT, "");
        if (!text.isBlank()) {
            return new SigningKeyFromText(text);
        }
        String token = env.getProperty(PKCS11_CONFIG, "");
        if (!token.isBlank()) {
            return new SigningKeyFromToken(Path.of(token), env.getProperty("registry.integrity.pkcs11.pin", ""),
                    env.getProperty("registry.integrity.pkcs11.key-alias", ""));
        }
        return new SigningKeyFromFile(Path.of(env.getProperty(FILE, SigningKey.DEFAULT_FILE)),
                env.getProperty(GENERATE, Boolean.class, false));
    }

    /** What refuses the start with this configuration, one line each; reads, never creates nor changes anything. */
    static List<String> problems(PropertyResolver env) {
        List<String> problems = new ArrayList<>();
        if (!env.getProperty(TEXT, "").isBlank() && !env.getProperty(PKCS11_CONFIG, "").isBlank()) {
            problems.add("Both " + TEXT + " and " + PKCS11_CONFIG + " are set: configure the tree-head signing key "
                    + "in one place only.");
        }
        problems.addAll(from(env).problems());
        return problems;
    }

    List<String> problems();

    Loaded load();

    /** The public key alone, for tools that verify and never sign. */
    default PublicKey publicKey() {
        return load().publicKey();
    }
}
