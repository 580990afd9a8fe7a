package org.childprotection.registry.api.integrity;

import org.childprotection.registry.integrity.SigningGuard;
import org.childprotection.registry.integrity.SigningStop;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code treeHeadSigning} in /actuator/health: DOWN once the signer has refused to sign a rewritten or shrunk log.
 * The status's description says why to anyone (it holds no personal data); the details, to those allowed them.
 */
@Component("treeHeadSigning")
public class SigningHealth implements HealthIndicator {

    private final SigningGuard guard;

    public SigningHealth(SigningGuard guard) {
        this.guard = guard;
    }

    @Override
    public Health health() {
        Map<String, SigningStop> stops = guard.stops();
        if (stops.isEmpty()) {
            return Health.up().build();
        }
        String reason = stops.values().stream().map(SigningStop::reason).collect(Collectors.joining("; "));
        Health.Builder down = Health.status(new Status(Status.DOWN.getCode(), "signing stopped: " + reason));
        stops.values().forEach(stop -> {
            down.withDetail(stop.log() + ".reason", stop.reason()).withDetail(stop.log() + ".since", stop.at());
            if (stop.firstBadPosition() != null) {
                down.withDetail(stop.log() + ".firstBadPosition", stop.firstBadPosition());
            }
        });
        return down.build();
    }
}
