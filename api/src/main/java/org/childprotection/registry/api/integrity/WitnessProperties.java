package org.childprotection.registry.api.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * The witnesses whose cosignatures the registry accepts by their key alone
 * ({@code registry.integrity.witnesses[i].name|public-key-file}): an oversight body's Ed25519 public key (PEM),
 * given to the registry's operator out of band. A user with the WITNESS role may post cosignatures too.
 */
@ConfigurationProperties("registry.integrity")
public record WitnessProperties(List<Witness> witnesses) {

    public WitnessProperties {
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    }

    public record Witness(String name, Path publicKeyFile) {
    }
}
