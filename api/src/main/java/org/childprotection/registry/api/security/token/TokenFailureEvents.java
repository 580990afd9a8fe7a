package org.childprotection.registry.api.security.token;

import com.nimbusds.jwt.JWTParser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.text.ParseException;

/**
 * Spring Security's authentication events for bearer tokens, so that a refused token is recorded like a failed
 * password. Two things differ from Spring's defaults: a refused token is an event at all (Spring maps the OAuth2
 * exceptions to none), and the event names the user the token claims to be, never the token itself (the name of a
 * bearer-token attempt is otherwise the whole token: a credential, which must not reach the records).
 */
final class TokenFailureEvents implements AuthenticationEventPublisher {

    /** The name of a refused attempt whose token does not even parse. */
    static final String UNREADABLE = "(unreadable bearer token)";

    private final DefaultAuthenticationEventPublisher events;
    private final String usernameClaim;

    TokenFailureEvents(ApplicationEventPublisher publisher, String usernameClaim) {
        this.events = new DefaultAuthenticationEventPublisher(publisher);
        this.events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        this.usernameClaim = usernameClaim;
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        events.publishAuthenticationSuccess(authentication);
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        Authentication attempt = authentication instanceof BearerTokenAuthenticationToken bearer
                ? UsernamePasswordAuthenticationToken.unauthenticated(claimedUsername(bearer.getToken()), null)
                : authentication;
        events.publishAuthenticationFailure(exception, attempt);
    }

    /** Unverified: who the refused token says it is, as a typed username says who a failed sign-in claimed to be. */
    private String claimedUsername(String token) {
        try {
            Object name = TokenClaims.find(JWTParser.parse(token).getJWTClaimsSet().getClaims(), usernameClaim);
            return name instanceof String text && !text.isBlank() && text.length() <= 200 ? text : UNREADABLE;
        } catch (ParseException | RuntimeException e) {
            return UNREADABLE;
        }
    }
}
