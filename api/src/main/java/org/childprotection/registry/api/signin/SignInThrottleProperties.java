package org.childprotection.registry.api.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * When sign-ins are refused (429) without checking the password ({@code registry.security.sign-in-throttle.*}):
 * after {@code maxFailures} failed sign-ins of one username, or from one address for as many usernames, within
 * {@code window}; for {@code firstDelay} after the last of them, doubled by every further one, at most
 * {@code maxDelay}. Design: docs/sign-in-throttling.md.
 */
@ConfigurationProperties("registry.security.sign-in-throttle")
public record SignInThrottleProperties(Integer maxFailures, Duration window, Duration firstDelay, Duration maxDelay) {

    public SignInThrottleProperties {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        firstDelay = firstDelay == null ? Duration.ofMinutes(1) : firstDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
        if (maxFailures < 1 || window.isNegative() || window.isZero() || firstDelay.isNegative()
                || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("registry.security.sign-in-throttle: max-failures must be at least 1, "
                    + "window and first-delay positive, and max-delay at least first-delay");
        }
    }

    /** How long sign-ins stay refused after the {@code failures}-th failure (at least {@code maxFailures}). */
    public Duration delayAfter(long failures) {
        long doublings = Math.min(failures - maxFailures, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
