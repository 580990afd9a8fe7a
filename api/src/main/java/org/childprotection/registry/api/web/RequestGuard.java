package org.childprotection.registry.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.api.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Refuses what Spring MVC or PostgreSQL cannot take, before any controller, in this order:
 * <ol>
 *     <li>a command's body over {@link #MAX_BODY_BYTES}: 413;</li>
 *     <li>a Content-Type that is not one concrete media type ({@code application/*}, {@code garbage}): 415, and an
 *     Accept that is no (non-empty) list of media types: 400. Spring MVC cannot read such headers at all: it would
 *     fail with a 500 wherever a body may be read, and could not choose a format even for the problem answer;</li>
 *     <li>the NUL character (U+0000) in a query parameter or in any string of a command's JSON body: 400 naming
 *     it. PostgreSQL text cannot hold it: it would fail a query, or be stored in the event log and then fail every
 *     projection of the case. (In the path Tomcat refuses it before, see {@code ContainerProblemValve}.)</li>
 * </ol>
 * A command's body is read here once and kept ({@link CachedBody}), so that it can be hashed and still be parsed.
 */
@Component
@Order(FilterOrder.REQUEST_GUARD)
public class RequestGuard extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final String NUL = "\u0000";
    static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private final ObjectMapper json;
    private final Problems problems;

    public RequestGuard(ObjectMapper json, Problems problems) {
        this.json = json;
        this.problems = problems;
    }

    /** A command of the API: a POST under /api, whose body is read and checked here. */
    static boolean isCommand(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = null;
        if (isCommand(request)) {
            body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (request.getContentLengthLong() > MAX_BODY_BYTES || body.length > MAX_BODY_BYTES) {
                problems.write(response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
                        "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB."));
                return;
            }
        }
        Optional<ProblemDetail> refusal = mediaTypes(request).or(() -> nulInQuery(request));
        if (refusal.isEmpty() && body != null) {
            refusal = nulInBody(request.getContentType(), body);
        }
        if (refusal.isPresent()) {
            problems.write(response, refusal.get());
            return;
        }
        chain.doFilter(body == null ? request : new CachedBody(request, body), response);
    }

    private static Optional<ProblemDetail> mediaTypes(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && concrete(contentType) == null) {
            return Optional.of(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Content-Type must be one media type such as application/json, not a pattern."));
        }
        if (!readable(request.getHeaders(HttpHeaders.ACCEPT))) {
            String message = "Accept must be a list of media types such as application/json.";
            return Optional.of(Problems.invalid("invalid-header", message,
                    List.of(new Problems.FieldError(HttpHeaders.ACCEPT, message))));
        }
        return Optional.empty();
    }

    private static MediaType concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype() ? null : type;
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /** An empty Accept is no list either (and breaks the Prometheus endpoint). */
    private static boolean readable(Enumeration<String> accept) {
        try {
            while (accept.hasMoreElements()) {
                if (MediaType.parseMediaTypes(accept.nextElement()).isEmpty()) {
                    return false;
                }
            }
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static Optional<ProblemDetail> nulInQuery(HttpServletRequest request) {
        if (request.getQueryString() == null) {
            return Optional.empty();
        }
        List<Problems.FieldError> errors = request.getParameterMap().entrySet().stream()
                .filter(p -> p.getKey().contains(NUL) || Arrays.stream(p.getValue()).anyMatch(v -> v.contains(NUL)))
                .map(p -> nulIn(p.getKey()))
                .toList();
        return errors.isEmpty() ? Optional.empty() : Optional.of(Problems.invalidInput("parameter", errors));
    }

    /** Every string of the body, wherever it stands; a body that is no JSON is left to Spring MVC to refuse. */
    private Optional<ProblemDetail> nulInBody(String contentType, byte[] body) {
        MediaType type = contentType == null ? null : concrete(contentType);
        boolean isJson = type != null
                && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"));
        if (!isJson) {
            return Optional.empty();
        }
        JsonNode tree;
        try {
            // read as Spring MVC will: in the charset named, else as JSON's own encoding detection finds
            tree = type.getCharset() == null ? json.readTree(body) : json.readTree(new String(body, type.getCharset()));
        } catch (IOException malformed) {
            return Optional.empty();
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        collectNul(tree, "", errors);
        return errors.isEmpty() ? Optional.empty() : Optional.of(Problems.invalidInput("field", errors));
    }

    /** Fields named as Spring MVC names them in its own refusals: {@code child.name}, {@code factors[2]}. */
    private static void collectNul(JsonNode node, String path, List<Problems.FieldError> errors) {
        if (node.isTextual() && !path.isEmpty() && node.textValue().contains(NUL)) {
            errors.add(nulIn(path));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectNul(node.get(i), path + "[" + i + "]", errors);
        }
        node.fields().forEachRemaining(field ->
                collectNul(field.getValue(), (path.isEmpty() ? "" : path + ".") + field.getKey(), errors));
    }

    private static Problems.FieldError nulIn(String name) {
        String shown = name.replace(NUL, "?");
        return new Problems.FieldError(shown, shown + " " + NUL_MESSAGE);
    }
}
