package org.childprotection.registry.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.api.cases.VisibleCases;
import org.childprotection.registry.api.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 401 and 403 from the security filters, as problem+json like every other error. The Basic challenge is left
 * out for scripts that say so ({@code X-Requested-With}, as the web console does): a browser answers a challenge
 * with its own password dialog, over the console's sign-in form. A refused sign-in has no challenge either. A role
 * refused on an existing case outside the user's jurisdiction is recorded for oversight, as the 404 of a case they
 * may not see is.
 */
@Component
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
        AuthenticationFailureHandler {

    static final String SCRIPT_MARKER = "X-Requested-With";

    private static final Pattern CASE_PATH = Pattern.compile("^/api/cases/([^/]+)(?:/.*)?$");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final Problems problems;
    private final VisibleCases cases;
    private final JurisdictionProbes probes;

    public ProblemSecurityHandlers(Problems problems, VisibleCases cases, JurisdictionProbes probes) {
        this.problems = problems;
        this.cases = cases;
        this.probes = probes;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (request.getHeader(SCRIPT_MARKER) == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"child-protection-registry\"");
        }
        problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "authentication",
                "Sign in with a registry username and password: POST /api/session, or HTTP Basic on each request."));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "authentication",
                "Wrong username or password."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "csrf", "A write in a session, and signing in, "
                    + "must carry the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie the registry set."));
            return;
        }
        Matcher onCase = CASE_PATH.matcher(PATHS.getPathWithinApplication(request));
        if (onCase.matches() && SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof RegistryUser user
                && cases.outside(onCase.group(1), user)) {
            probes.record(user, onCase.group(1), HttpStatus.FORBIDDEN.value());
        }
        problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "role", "Your role does not allow this request."));
    }
}
