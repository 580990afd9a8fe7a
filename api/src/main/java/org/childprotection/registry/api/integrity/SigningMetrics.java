package org.childprotection.registry.api.integrity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.integrity.SigningGuard;
import org.springframework.stereotype.Component;


/** {@code registry_integrity_signing_stopped{log=...}}: 1 while the signer refuses to sign that log, else 0. */
@Component
public class SigningMetrics implements MeterBinder {

    private final SigningGuard guard;

    public SigningMetrics(SigningGuard guard) {
        this.guard = guard;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MerkleLogKind kind : MerkleLogKind.values()) {
            Gauge.builder("registry.integrity.signing.stopped", () -> guard.stopped(kind.apiName()).isPresent() ? 1 : 0)
                    .tag("log", kind.apiName())
                    .description("1 while the signer refuses to sign the log's heads: its history was rewritten")
                    .register(registry);
        }
    }
}
