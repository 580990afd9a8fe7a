package org.childprotection.registry.api.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.api.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The first filter of the security chain that sees credentials: a request carrying them (a Basic header, a bearer
 * token, the sign-in form) is answered 429 with {@code Retry-After} while its username or address is throttled,
 * before any password is checked; otherwise it goes on, with the attempt kept for {@link SignInEvents}. Not a bean,
 * so that Spring Boot does not register it a second time as a servlet filter outside the chain.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

    static final String ATTEMPT = SignInThrottleFilter.class.getName() + ".attempt";
    static final String USERNAME_FAILED_LATELY = SignInThrottleFilter.class.getName() + ".usernameFailedLately";

    private final SignInThrottle throttle;
    private final Problems problems;

    public SignInThrottleFilter(SignInThrottle throttle, Problems problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SignInAttempt> attempt = SignInAttempt.of(request);
        if (attempt.isPresent()) {
            SignInThrottle.Verdict verdict = throttle.check(attempt.get(), request);
            if (verdict.retryAfter().isPresent()) {
                refuse(response, verdict.retryAfter().get());
                return;
            }
            request.setAttribute(ATTEMPT, attempt.get());
            request.setAttribute(USERNAME_FAILED_LATELY, verdict.usernameFailedLately());
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled",
                "Too many failed sign-ins for this username or from this address: try again in " + seconds
                        + " seconds. Each attempt before then doubles the wait.");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, Problems.answer(problem, headers));
    }
}
