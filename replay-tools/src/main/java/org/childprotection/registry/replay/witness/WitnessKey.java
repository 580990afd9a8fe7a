package org.childprotection.registry.replay.witness;

import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.KeyFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;

/**
 * The witness's own Ed25519 key: PKCS#8 PEM ({@code --key}), its public half beside it ({@code <key>.pub}, X.509 PEM,
 * the file the registry's operator configures as the witness's key). Created on first use when missing; a key made
 * elsewhere (openssl) gets its public half written beside it on first use.
 */
public record WitnessKey(KeyPair keys, Path publicFile) {

    public static WitnessKey loadOrCreate(Path privateFile) throws IOException {
        Path absolute = privateFile.toAbsolutePath();
        Path publicFile = Path.of(absolute + ".pub");
        try {
            if (Files.exists(absolute)) {
                var privateKey = Ed25519Keys.privateKey(Files.readString(absolute));
                PublicKey publicKey = Ed25519Keys.publicKeyOf(privateKey);
                if (!Files.exists(publicFile)) {
                    KeyFiles.writeAtomically(publicFile, Ed25519Keys.pem("PUBLIC KEY", publicKey.getEncoded()), false);
                }
                return new WitnessKey(new KeyPair(publicKey, privateKey), publicFile);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(absolute.getParent());
            // the public half first: a private key on disk always has its public key beside it
            KeyFiles.writeAtomically(publicFile, Ed25519Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            KeyFiles.writeAtomically(absolute, Ed25519Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            return new WitnessKey(pair, publicFile);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("The witness key " + absolute + " is not an Ed25519 private key (PKCS#8 PEM)", e);
        }
    }

    /** The cosignature of the head whose signed message this is. */
    public byte[] cosign(byte[] headMessage) {
        return Cosignature.sign(keys.getPrivate(), headMessage);
    }
}
