package org.childprotection.registry.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Every error answer of the API is an RFC 9457 problem built here: {@code type} names the broken rule as
 * {@code urn:child-protection-registry:problem:<rule>}, and invalid input lists {@code errors: [{field, message}]}.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:child-protection-registry:problem:";

    private Problems() {
    }

    public record FieldError(String field, String message) {
    }

    public static ProblemDetail of(HttpStatus status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + rule));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("rule", rule);
        return problem;
    }

    /** Writes the problem as the whole answer, for filters that answer before Spring MVC. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail invalid(String rule, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, rule, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
