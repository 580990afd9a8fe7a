package org.childprotection.registry.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;

/**
 * The answers to signing in and out. A sign-in answers 200 with the user, as {@code GET /api/me} would, and with
 * the new session's CSRF token cookie at once (the old one was replaced); signing out answers 204.
 */
@Component
class SessionAnswers implements AuthenticationSuccessHandler, LogoutSuccessHandler {

    private final ObjectMapper json;
    private final int idleSeconds;

    SessionAnswers(ObjectMapper json, ServerProperties server) {
        this.json = json;
        // Tomcat takes server.servlet.session.timeout in whole minutes only; a signed-in session gets it to the second
        Duration idle = server.getServlet().getSession().getTimeout();
        this.idleSeconds = (int) Math.min(Integer.MAX_VALUE, idle.toSeconds());
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        request.getSession().setMaxInactiveInterval(idleSeconds);
        SessionCsrf.issue(request);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        RegistryUser user = (RegistryUser) authentication.getPrincipal();
        json.writeValue(response.getOutputStream(), CurrentUserController.Me.of(user));
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) {
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }
}
