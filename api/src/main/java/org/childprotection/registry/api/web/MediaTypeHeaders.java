package org.childprotection.registry.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.api.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;

/**
 * Refuses a request whose Content-Type is not one concrete media type ({@code application/*}, {@code garbage}) with
 * 415, and one whose Accept is not a (non-empty) list of media types with 400. Spring MVC cannot read such headers at all: it
 * would fail with a 500 wherever a body may be read, and could not choose a format even for the problem answer.
 */
@Component
public class MediaTypeHeaders extends OncePerRequestFilter {

    private final Problems problems;

    public MediaTypeHeaders(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && !concrete(contentType)) {
            problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Content-Type must be one media type such as application/json, not a pattern."));
            return;
        }
        if (!readable(request.getHeaders(HttpHeaders.ACCEPT))) {
            String message = "Accept must be a list of media types such as application/json.";
            problems.write(response, Problems.invalid("invalid-header", message,
                    List.of(new Problems.FieldError(HttpHeaders.ACCEPT, message))));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
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
}
