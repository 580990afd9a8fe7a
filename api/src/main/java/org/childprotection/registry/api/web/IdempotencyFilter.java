package org.childprotection.registry.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.api.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * For every command (a POST under /api, after authentication) that carries an {@code Idempotency-Key}: a repeat of
 * the same request returns the first answer and writes nothing; the same key with another request is refused with
 * 422. The body is the one {@link RequestGuard} has read and kept.
 */
@Component
@Order(FilterOrder.IDEMPOTENCY)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final IdempotencyStore store;
    private final Problems problems;

    public IdempotencyFilter(IdempotencyStore store, Problems problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestGuard.isCommand(request) || request.getHeader(IDEMPOTENCY_KEY) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problems.write(response, Problems.invalid("invalid-header",
                    "Idempotency-Key must be 1 to 100 letters, digits or . _ : -",
                    List.of(new Problems.FieldError(IDEMPOTENCY_KEY, "must be 1 to 100 letters, digits or . _ : -"))));
            return;
        }
        String user = authentication.getName();
        String hash = hash(request, request.getInputStream().readAllBytes());
        if (!store.claim(user, key, hash)) {
            answerRepeat(store.find(user, key), hash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            store.release(user, key);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            store.release(user, key);
        } else {
            store.complete(user, key, recorded.getStatus(), recorded.getContentType(),
                    recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray());
        }
        recorded.copyBodyToResponse();
    }

    private void answerRepeat(Optional<IdempotencyStore.Stored> stored, String hash, HttpServletResponse response)
            throws IOException {
        if (stored.isEmpty() || stored.get().pending()) {
            problems.write(response, Problems.of(HttpStatus.CONFLICT, "idempotency-in-progress",
                    "A request with this Idempotency-Key is still being carried out; retry in a moment."));
        } else if (!stored.get().requestHash().equals(hash)) {
            problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request."));
        } else {
            IdempotencyStore.Stored first = stored.get();
            response.setStatus(first.status());
            if (first.contentType() != null) {
                response.setContentType(first.contentType());
            }
            if (first.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, first.location());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(first.body() == null ? new byte[0] : first.body());
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
