package org.childprotection.registry.api.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

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

    public static ProblemDetail invalid(String rule, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, rule, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
