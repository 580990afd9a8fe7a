package org.childprotection.registry.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * CSRF protection of sessions by double submit, Spring Security's pattern for single-page applications: the token
 * travels in the {@code XSRF-TOKEN} cookie (SameSite=Strict, readable by the console's own script), and a write
 * sends it back in the {@code X-XSRF-TOKEN} header, which a page of another site can neither read nor set.
 */
final class SessionCsrf {

    private SessionCsrf() {
    }

    static CookieCsrfTokenRepository tokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return repository;
    }

    /** The token as the cookie holds it: it is sent in a header and never written into a page, so it needs no mask. */
    static CsrfTokenRequestHandler requestHandler() {
        return new CsrfTokenRequestAttributeHandler();
    }

    /**
     * The requests that need the token: the writes of a signed-in session (the browser sends its cookie by itself),
     * and the sign-in, so that no other site can sign a browser in to an account of its choosing. Writes without a
     * session need none: HTTP Basic or a bearer token is sent by the script itself, and no credentials at all get 401.
     */
    static RequestMatcher required(String signIn) {
        RequestMatcher signInRequest = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, signIn);
        return request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && (inSession(request) || signInRequest.matches(request));
    }

    private static boolean inSession(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
    }

    /** Makes the request's token, if it has none yet, and so sets its cookie on the answer. */
    static void issue(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    /**
     * Gives the token cookie with every answer of the API to a client that has none, before it signs in (the
     * console's first {@code GET /api/me}). Requests with an Authorization header need no token and get none.
     */
    static final class CookieIssuer extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith("/api/") || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            issue(request);
            chain.doFilter(request, response);
        }
    }
}
