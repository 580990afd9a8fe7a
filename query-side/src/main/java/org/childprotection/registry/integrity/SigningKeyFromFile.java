package org.childprotection.registry.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

/**
 * A PKCS#8 PEM file ({@code registry.integrity.signing-key-file}) with its public key beside it ({@code <file>.pub},
 * X.509 PEM; derived from the private key when absent). The file must be readable by its owner alone (mode 0600 or
 * 0400). With {@code registry.integrity.generate-key=true} a missing pair is generated, each file written atomically.
 */
public record SigningKeyFromFile(Path file, boolean generate) implements SigningKeySource {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFromFile.class);

    public SigningKeyFromFile {
        file = file.toAbsolutePath();
    }

    public Path publicFile() {
        return Path.of(file + ".pub");
    }

    @Override
    public List<String> problems() {
        if (!Files.exists(file)) {
            return generate ? List.of() : List.of("No tree-head signing key at " + file + ": install the registry's "
                    + "Ed25519 key (PKCS#8 PEM, its public key beside it as .pub) or set " + GENERATE
                    + "=true to create one.");
        }
        return KeyFiles.readableByOthers(file, "tree-head signing key").stream().toList();
    }

    @Override
    public Loaded load() {
        KeyPair pair = Files.exists(file) ? read() : create();
        return new Loaded(pair.getPrivate(), pair.getPublic(), null);
    }

    /** Read from {@code <file>.pub} alone when it is there: tools that verify need no access to the secret. */
    @Override
    public PublicKey publicKey() {
        if (Files.exists(publicFile())) {
            try {
                return Ed25519Keys.publicKey(Files.readString(publicFile(), StandardCharsets.US_ASCII));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot read the public key " + publicFile(), e);
            }
        }
        return load().publicKey();
    }

    private KeyPair read() {
        try {
            PrivateKey privateKey = Ed25519Keys.privateKey(Files.readString(file, StandardCharsets.US_ASCII));
            PublicKey publicKey = Files.exists(publicFile())
                    ? Ed25519Keys.publicKey(Files.readString(publicFile(), StandardCharsets.US_ASCII))
                    : Ed25519Keys.publicKeyOf(privateKey);
            return new KeyPair(publicKey, privateKey);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the tree-head signing key " + file, e);
        }
    }

    private KeyPair create() {
        if (!generate) {
            throw new IllegalStateException("No tree-head signing key at " + file + " and " + GENERATE + " is false");
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(file.getParent());
            // the public half first: a private key on disk always has its public key beside it
            KeyFiles.writeAtomically(publicFile(), Ed25519Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            KeyFiles.writeAtomically(file, Ed25519Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            log.info("Generated a tree-head signing key at {} (public key {})", file, publicFile());
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the tree-head signing key " + file, e);
        }
    }
}
