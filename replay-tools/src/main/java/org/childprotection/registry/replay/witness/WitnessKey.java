package org.childprotection.registry.replay.witness;

import org.childprotection.registry.integrity.KeyFiles;
import org.childprotection.registry.integrity.SigningKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The witness's own Ed25519 key: PKCS#8 PEM ({@code --key}), its public half beside it ({@code <key>.pub}, X.509 PEM,
 * the file the registry's operator configures as the witness's key). Created on first use when missing.
 */
public record WitnessKey(KeyPair keys, Path publicFile) {

    public static WitnessKey loadOrCreate(Path privateFile) throws IOException {
        Path absolute = privateFile.toAbsolutePath();
        Path publicFile = Path.of(absolute + ".pub");
        try {
            if (Files.exists(absolute)) {
                if (!Files.exists(publicFile)) {
                    throw new IOException("The witness key " + absolute + " has no public half beside it; write it with "
                            + "'openssl pkey -in " + absolute + " -pubout -out " + publicFile + "'");
                }
                KeyFactory factory = KeyFactory.getInstance("Ed25519");
                return new WitnessKey(new KeyPair(
                        factory.generatePublic(new X509EncodedKeySpec(KeyFiles.pem(publicFile))),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(KeyFiles.pem(absolute)))), publicFile);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(absolute.getParent());
            // the public half first: a private key on disk always has its public key beside it
            KeyFiles.writeAtomically(publicFile, KeyFiles.pemText("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            KeyFiles.writeAtomically(absolute, KeyFiles.pemText("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            return new WitnessKey(pair, publicFile);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("The witness key " + absolute + " is not an Ed25519 key pair in PEM", e);
        }
    }

    public byte[] sign(byte[] message) {
        return SigningKey.sign(keys.getPrivate(), message);
    }
}
