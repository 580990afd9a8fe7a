package org.childprotection.registry.api.integrity;

import org.childprotection.registry.integrity.Ed25519Keys;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The configured witnesses' keys, read once at start: a key file that cannot be read refuses the start. */
@Component
public class ConfiguredWitnesses {

    private final Map<String, String> namesByKeyId = new HashMap<>();

    public ConfiguredWitnesses(WitnessProperties properties) {
        for (WitnessProperties.Witness witness : properties.witnesses()) {
            if (witness.name() == null || witness.name().isBlank() || witness.publicKeyFile() == null) {
                throw new IllegalStateException("registry.integrity.witnesses: each witness needs a name and a "
                        + "public-key-file");
            }
            try {
                PublicKey key = Ed25519Keys.publicKey(Files.readString(witness.publicKeyFile(),
                        StandardCharsets.US_ASCII));
                namesByKeyId.put(Ed25519Keys.keyId(key), witness.name());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read witness " + witness.name() + "'s public key "
                        + witness.publicKeyFile(), e);
            }
        }
    }

    /** The configured name of the witness holding this key, if it is one of them. */
    public Optional<String> nameOf(PublicKey key) {
        return Optional.ofNullable(namesByKeyId.get(Ed25519Keys.keyId(key)));
    }
}
