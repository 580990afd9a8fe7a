package org.childprotection.registry.api.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.childprotection.registry.api.web.RequestIds;
import org.childprotection.registry.securityevents.SecurityEvent;
import org.childprotection.registry.securityevents.SecurityEvent.Kind;
import org.childprotection.registry.securityevents.SecurityEvent.Means;
import org.childprotection.registry.securityevents.SecurityEvents;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.Optional;

/**
 * Records sign-ins from Spring Security's authentication events (Spring Boot publishes them for every
 * authentication manager: Basic, the sign-in form, bearer tokens). Every failure of the credentials is recorded
 * (the username as given; never a password or a token). A success is recorded where it matters and stays cheap:
 * a sign-in with the form (once per session), and one that ends a streak of failures of its username; a Basic or
 * bearer request that just succeeds, as nearly all do, is not. A failure of the registry itself (the identity
 * provider unreachable) is no failed sign-in and is not recorded.
 */
@Component
public class SignInEvents {

    private final SecurityEvents events;
    private final Clock clock;

    public SignInEvents(SecurityEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent failure) {
        if (failure instanceof AuthenticationFailureServiceExceptionEvent
                || failure instanceof AuthenticationFailureProviderNotFoundEvent) {
            return;
        }
        currentRequest().ifPresent(request -> record(Kind.SIGN_IN_FAILED, failure.getAuthentication(), request,
                HttpStatus.UNAUTHORIZED.value()));
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent success) {
        currentRequest().ifPresent(request -> {
            SignInAttempt attempt = (SignInAttempt) request.getAttribute(SignInThrottleFilter.ATTEMPT);
            boolean endsStreak = Boolean.TRUE.equals(request.getAttribute(SignInThrottleFilter.USERNAME_FAILED_LATELY));
            if (endsStreak || attempt == null || attempt.means() == Means.FORM) {
                record(Kind.SIGN_IN_SUCCEEDED, success.getAuthentication(), request, null);
            }
        });
    }

    private void record(Kind kind, Authentication authentication, HttpServletRequest request, Integer status) {
        SignInAttempt attempt = (SignInAttempt) request.getAttribute(SignInThrottleFilter.ATTEMPT);
        Means means = attempt != null ? attempt.means()
                : authentication instanceof UsernamePasswordAuthenticationToken ? Means.FORM : Means.BEARER;
        // a refused bearer token's name is the token itself (a credential, never stored) unless the token sign-in
        // names the attempt by the user it claims, as a typed username names a password's
        String username = means == Means.BEARER && kind == Kind.SIGN_IN_FAILED
                && !(authentication instanceof UsernamePasswordAuthenticationToken) ? null : authentication.getName();
        events.record(SecurityEvent.signIn(kind, clock.instant(), username, request.getRemoteAddr(), means,
                request.getMethod(), request.getRequestURI(), status, RequestIds.requestId()));
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
