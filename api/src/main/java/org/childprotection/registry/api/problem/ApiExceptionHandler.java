package org.childprotection.registry.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.childprotection.registry.api.security.JurisdictionProbes;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.kernel.ActorNotPermitted;
import org.childprotection.registry.kernel.CaseRefusal;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.OutsideJurisdiction;
import org.childprotection.registry.kernel.StaleVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.childprotection.registry.projection.ProjectionRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.List;

/** Turns every refusal into a problem+json answer; bad input never yields a 500 or a stack trace. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final JurisdictionProbes probes;

    public ApiExceptionHandler(JurisdictionProbes probes) {
        this.probes = probes;
    }

    @ExceptionHandler(CaseRefusal.class)
    ProblemDetail refused(CaseRefusal refusal) {
        if (refusal instanceof InvalidInput invalid) {
            return invalidInput(invalid);
        }
        if (refusal instanceof OutsideJurisdiction outside) {
            // the case refused a command on a case it knows: a probe, answered as a missing case is
            if (SecurityContextHolder.getContext().getAuthentication() != null
                    && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof RegistryUser user) {
                probes.record(user, outside.caseId(), HttpStatus.NOT_FOUND.value());
            }
            return notFound(new CaseNotFound(outside.caseId()));
        }
        HttpStatus status = refusal instanceof ActorNotPermitted ? HttpStatus.FORBIDDEN
                : refusal instanceof StaleVersion ? HttpStatus.PRECONDITION_FAILED
                : HttpStatus.CONFLICT;
        return Problems.of(status, refusal.rule(), refusal.getMessage());
    }

    /**
     * The domain names every bad field of a command at once. A missing field, or several bad ones, is answered as
     * a body the API cannot read is: {@code invalid-input}; one field breaking a rule of the registry is answered
     * by that rule ({@code adult-required}, {@code eligibility-age}...).
     */
    private static ProblemDetail invalidInput(InvalidInput invalid) {
        List<Problems.FieldError> errors = invalid.problems().stream()
                .map(problem -> new Problems.FieldError(problem.field(), problem.message()))
                .toList();
        return invalid.rule().equals(InvalidInput.REQUIRED) || invalid.rule().equals(InvalidInput.SEVERAL)
                ? Problems.invalidInput("field", errors)
                : Problems.invalid(invalid.rule(), invalid.getMessage(), errors);
    }

    @ExceptionHandler(BadHeader.class)
    ProblemDetail badHeader(BadHeader e) {
        return Problems.invalid("invalid-header", e.getMessage(), List.of(new Problems.FieldError(e.header(), e.getMessage())));
    }

    @ExceptionHandler(CaseNotFound.class)
    ProblemDetail notFound(CaseNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "There is no case " + e.caseId() + " in your jurisdiction.");
    }

    /** A command on a case that is not there answers as one outside the jurisdiction: the same 404. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail noAggregate(AggregateNotFoundException e) {
        return notFound(new CaseNotFound(String.valueOf(e.getAggregateIdentifier())));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "The case was changed by someone else at the same moment; read it again and retry.");
    }

    /** The command was not recorded: the maintainers have to fix the projection; the log line names it. */
    @ExceptionHandler(ProjectionRefused.class)
    ResponseEntity<ProblemDetail> projectionRefused(ProjectionRefused e) {
        return Problems.answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "projection-refused",
                "The registry could not show this command in the case's records, so it was not recorded; "
                        + "nothing changed. Maintainers have been told."));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e) {
        if (e.getCause() instanceof ProjectionRefused refused) {
            return projectionRefused(refused);
        }
        if (e.getCause() instanceof CaseRefusal refusal) {
            ProblemDetail problem = refused(refusal);
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        if (e.getCause() instanceof ConcurrencyException concurrency) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrent(concurrency));
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return DatabaseOutage.answerTo(e).orElseGet(() -> {
            // The exception's class only: messages may quote request data, which can hold personal data.
            log.error("Unexpected failure ({})", e.getClass().getName());
            return Problems.answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", Problems.UNFINISHED));
        });
    }

    /**
     * The answers Spring MVC makes itself (415, 405, 406, unknown path...) get a registry problem type too, named
     * after their status, like every other error.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem && "about:blank".equals(String.valueOf(problem.getType()))) {
            ProblemDetail named = Problems.ofStatus(HttpStatus.valueOf(status.value()), problem.getDetail());
            named.setInstance(problem.getInstance());
            body = named;
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problems.FieldError(f.getField(), f.getField() + " " + f.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalidInput("field", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Problems.FieldError(
                        result.getMethodParameter().getParameterName(),
                        result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage())))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalidInput("parameter", errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String message = field + " must be a " + (type == null ? "value of another form" : describe(type));
        return ResponseEntity.badRequest().body(Problems.invalid("invalid-input", message,
                List.of(new Problems.FieldError(field, message))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        boolean malformed = e.getMostSpecificCause() instanceof StreamReadException;
        if (!malformed && cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = field + " " + expectation(mapping);
            return ResponseEntity.badRequest().body(Problems.invalid("invalid-input", message,
                    List.of(new Problems.FieldError(field, message))));
        }
        String detail = malformed || cause instanceof JsonProcessingException
                ? "The request body is not well-formed JSON."
                : "The request body is missing or unreadable.";
        return ResponseEntity.badRequest().body(Problems.invalid("malformed-body", detail, List.of()));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectation(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().getSimpleName().equals("LocalDate")) {
            return "must be a real date (YYYY-MM-DD)";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be a " + describe(mismatch.getTargetType());
        }
        return "has a value of the wrong form";
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant" -> "timestamp (ISO-8601, UTC)";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "boolean (true or false)";
            case "String" -> "string";
            case "List" -> "list";
            default -> type.isEnum() ? "value of " + Arrays.toString(type.getEnumConstants()) : "JSON object";
        };
    }
}
