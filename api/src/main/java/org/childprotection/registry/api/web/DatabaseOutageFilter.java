package org.childprotection.registry.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.api.problem.DatabaseOutage;
import org.childprotection.registry.api.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A database outage met outside a controller (the idempotency filter reserves its key before the command runs)
 * gets the same 503 answer as one met inside, instead of the container's 500.
 */
@Component
@Order(FilterOrder.DATABASE_OUTAGE)
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private final Problems problems;

    public DatabaseOutageFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Optional<ResponseEntity<ProblemDetail>> answer = response.isCommitted()
                    ? Optional.empty() : DatabaseOutage.answerTo(e);
            if (answer.isEmpty()) {
                throw e;
            }
            problems.write(response, answer.get());
        }
    }
}
