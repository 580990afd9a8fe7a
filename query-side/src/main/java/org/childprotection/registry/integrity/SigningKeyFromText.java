package org.childprotection.registry.integrity;

import java.security.PrivateKey;
import java.util.List;

/**
 * The key's PKCS#8 text (PEM or base64) in {@code registry.integrity.signing-key}, typically from the environment
 * variable {@code REGISTRY_INTEGRITY_SIGNING_KEY} a secret manager fills; the public key is derived from it.
 */
public record SigningKeyFromText(String text) implements SigningKeySource {

    @Override
    public List<String> problems() {
        try {
            Ed25519Keys.privateKey(text);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(TEXT + " (REGISTRY_INTEGRITY_SIGNING_KEY) is not an Ed25519 private key: give its PKCS#8 "
                    + "PEM or base64, as `openssl genpkey -algorithm ed25519` writes it.");
        }
    }

    @Override
    public Loaded load() {
        PrivateKey key = Ed25519Keys.privateKey(text);
        return new Loaded(key, Ed25519Keys.publicKeyOf(key), null);
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "SigningKeyFromText[" + TEXT + "]";
    }
}
