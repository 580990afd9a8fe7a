package org.childprotection.registry.integrity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The key on a PKCS#11 token (an HSM, a smart card), through the JDK's SunPKCS11 provider configured by the file
 * {@code registry.integrity.pkcs11.config}; logged in with {@code .pin}, the key found under {@code .key-alias}, its
 * public key taken from the certificate stored beside it. The private key never leaves the token. The token and the
 * JDK's provider must both support Ed25519 (CKM_EDDSA). Documented (docs/tamper-evident-log.md), not tested here.
 */
public record SigningKeyFromToken(Path config, String pin, String alias) implements SigningKeySource {

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!Files.isReadable(config)) {
            problems.add("The PKCS#11 configuration " + config.toAbsolutePath() + " (" + PKCS11_CONFIG
                    + ") cannot be read.");
        }
        if (alias.isBlank()) {
            problems.add("registry.integrity.pkcs11.key-alias is not set: name the signing key on the token.");
        }
        return problems;
    }

    @Override
    public Loaded load() {
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
            KeyStore token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, pin.toCharArray());
            PrivateKey key = (PrivateKey) token.getKey(alias, null);
            Certificate certificate = token.getCertificate(alias);
            if (key == null || certificate == null) {
                throw new IllegalStateException("No private key with a certificate under the alias " + alias
                        + " on the PKCS#11 token of " + config);
            }
            return new Loaded(key, certificate.getPublicKey(), provider);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the signing key " + alias + " on the PKCS#11 token of " + config, e);
        }
    }

    /** Never print the PIN. */
    @Override
    public String toString() {
        return "SigningKeyFromToken[" + config + ", " + alias + "]";
    }
}
