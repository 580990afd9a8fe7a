package org.childprotection.registry.api.security.token;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.api.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A refused bearer token: the {@code WWW-Authenticate: Bearer error=...} challenge of RFC 6750, written by Spring,
 * and a problem+json body like every other refusal, saying why the token was refused.
 */
@Component
class BearerTokenProblems implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final Problems problems;

    BearerTokenProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        String why = e.getMessage();
        if (e instanceof OAuth2AuthenticationException oauth) {
            if (oauth.getError() instanceof BearerTokenError error) {
                status = error.getHttpStatus();
            }
            if (oauth.getError().getDescription() != null) {
                why = oauth.getError().getDescription();
            }
        }
        problems.write(response, Problems.of(status, "bearer-token", "The bearer token was refused. " + why));
    }
}
