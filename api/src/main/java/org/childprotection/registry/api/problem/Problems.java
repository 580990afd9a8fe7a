package org.childprotection.registry.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Every error answer of the API is an RFC 9457 problem built here: {@code type} names the broken rule as
 * {@code urn:child-protection-registry:problem:<rule>}, and invalid input lists {@code errors: [{field, message}]}.
 * Spring MVC writes the answers of controllers and their advice; every layer before or around it (the container's
 * valve, the security handlers, the filters) writes through {@link #write}, with the application's JSON settings.
 */
@Component
public class Problems {

    private static final String TYPE_PREFIX = "urn:child-protection-registry:problem:";
    static final String UNFINISHED =
            "The registry could not complete the request; nothing was recorded unless a later read shows it.";

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
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

    /** A refusal with no rule of the registry behind it (405, 415, a path the server refuses): named by its status. */
    public static ProblemDetail ofStatus(HttpStatus status, String detail) {
        return of(status, status.name().toLowerCase().replace('_', '-'), detail);
    }

    /** The same, where nothing more particular is known than the status. */
    public static ProblemDetail ofStatus(HttpStatus status) {
        return ofStatus(status, status == HttpStatus.BAD_REQUEST
                ? "The request was refused: its path, headers or body are not acceptable to the registry."
                : status.is5xxServerError() ? UNFINISHED
                : "The request was refused: " + status.getReasonPhrase() + ".");
    }

    public static ProblemDetail invalid(String rule, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, rule, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The usual 400: the fields (or parameters) named, each with what is wrong with it. */
    public static ProblemDetail invalidInput(String what, List<FieldError> errors) {
        return invalid("invalid-input", "The request has " + errors.size() + " invalid " + what + "(s).", errors);
    }

    /** The whole answer, as a controller or its advice returns it. */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return answer(problem, HttpHeaders.EMPTY);
    }

    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Writes the problem as the whole answer, for the layers that answer outside Spring MVC. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        write(response, answer(problem));
    }

    public void write(HttpServletResponse response, ResponseEntity<ProblemDetail> answer) throws IOException {
        byte[] body = json.writeValueAsBytes(answer.getBody());
        response.resetBuffer();
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
