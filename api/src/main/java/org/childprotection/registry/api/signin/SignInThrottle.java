package org.childprotection.registry.api.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.childprotection.registry.api.web.RequestIds;
import org.childprotection.registry.securityevents.RecentFailures;
import org.childprotection.registry.securityevents.SecurityEvent;
import org.childprotection.registry.securityevents.SecurityEvents;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a sign-in attempt may be checked at all, counted from the security events so that every node of the
 * registry counts the same failures (docs/sign-in-throttling.md). A refused attempt is recorded, and counts as a
 * further failure: each attempt while refused doubles the wait, up to the most.
 */
@Component
public class SignInThrottle {

    private final SecurityEvents events;
    private final SignInThrottleProperties limits;
    private final Clock clock;

    public SignInThrottle(SecurityEvents events, SignInThrottleProperties limits, Clock clock) {
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    /** What the throttle found for an attempt: how long to wait (when refused), and whether its username failed lately. */
    public record Verdict(Optional<Duration> retryAfter, boolean usernameFailedLately) {
    }

    public Verdict check(SignInAttempt attempt, HttpServletRequest request) {
        Instant now = clock.instant();
        RecentFailures recent = events.recentFailures(attempt.username(), attempt.address(),
                now.minus(limits.window()).minus(limits.maxDelay()), limits.window());
        boolean byUsername = recent.ofUsername() >= limits.maxFailures();
        boolean byAddress = recent.usernamesFromAddress() >= limits.maxFailures();
        Instant until = Instant.MIN;
        if (byUsername) {
            until = later(until, recent.lastOfUsername().plus(limits.delayAfter(recent.ofUsername())));
        }
        if (byAddress) {
            until = later(until, recent.lastFromAddress().plus(limits.delayAfter(recent.fromAddress())));
        }
        if (!now.isBefore(until)) {
            return new Verdict(Optional.empty(), recent.ofUsername() > 0);
        }
        events.record(SecurityEvent.signIn(SecurityEvent.Kind.SIGN_IN_THROTTLED, now, attempt.username(),
                attempt.address(), attempt.means(), request.getMethod(), request.getRequestURI(),
                HttpStatus.TOO_MANY_REQUESTS.value(), RequestIds.requestId()));
        // this attempt is the latest failure now, and one more of each kind that refuses
        Duration wait = Duration.ZERO;
        if (byUsername) {
            wait = longer(wait, limits.delayAfter(recent.ofUsername() + 1));
        }
        if (byAddress) {
            wait = longer(wait, limits.delayAfter(recent.fromAddress() + 1));
        }
        return new Verdict(Optional.of(wait), true);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
