package org.childprotection.registry.api.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.childprotection.registry.securityevents.SecurityEvent.Means;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A request that carries credentials, as the throttle sees it before any of them is checked: an HTTP Basic header
 * (its username), a bearer token (no username: the token is not read here), or the sign-in form posted to
 * {@link #FORM_PATH} (its {@code username} field when the form is url-encoded). A request with none, or with a
 * Basic header Spring Security will refuse unread, is no attempt.
 */
public record SignInAttempt(String username, String address, Means means) {

    /** Where the web console posts its sign-in form. */
    public static final String FORM_PATH = "/api/session";

    public static Optional<SignInAttempt> of(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String address = request.getRemoteAddr();
        if (authorization != null) {
            String value = authorization.strip();
            if (scheme(value, "Basic ")) {
                return basicUsername(value.substring(6)).map(name -> new SignInAttempt(name, address, Means.BASIC));
            }
            if (scheme(value, "Bearer ")) {
                return Optional.of(new SignInAttempt(null, address, Means.BEARER));
            }
        }
        if ("POST".equals(request.getMethod()) && FORM_PATH.equals(request.getRequestURI())) {
            return Optional.of(new SignInAttempt(formUsername(request), address, Means.FORM));
        }
        return Optional.empty();
    }

    private static boolean scheme(String authorization, String scheme) {
        return authorization.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    /** As Spring Security's Basic filter reads it (UTF-8); none where that filter refuses the header unread. */
    private static Optional<String> basicUsername(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Only a url-encoded form is read here: reading another body would take it from the sign-in itself. */
    private static String formUsername(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(parse(type))
                ? request.getParameter("username") : null;
    }

    private static MediaType parse(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (IllegalArgumentException unreadable) {
            return MediaType.ALL;
        }
    }
}
