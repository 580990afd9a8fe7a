package org.childprotection.registry.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.api.problem.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A query parameter with the NUL character is refused with 400 naming it, as in bodies ({@link NulInJson}). */
@Component
public class NulInQuery extends OncePerRequestFilter {

    private final Problems problems;

    public NulInQuery(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() != null) {
            List<Problems.FieldError> errors = request.getParameterMap().entrySet().stream()
                    .filter(p -> p.getKey().indexOf('\u0000') >= 0
                            || Arrays.stream(p.getValue()).anyMatch(v -> v.indexOf('\u0000') >= 0))
                    .map(Map.Entry::getKey)
                    .map(name -> new Problems.FieldError(name.replace('\u0000', '?'), name.replace('\u0000', '?')
                            + " " + NulInJson.MESSAGE))
                    .toList();
            if (!errors.isEmpty()) {
                problems.write(response, Problems.invalid("invalid-input",
                        "The request has " + errors.size() + " invalid parameter(s).", errors));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
