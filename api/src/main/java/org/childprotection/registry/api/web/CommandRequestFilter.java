package org.childprotection.registry.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.api.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * For every command (a POST under /api, after authentication): refuses a body over {@link #MAX_BODY_BYTES}
 * with 413, and honours {@code Idempotency-Key}: a repeat of the same request returns the first answer and
 * writes nothing; the same key with another request is refused with 422.
 */
@Component
public class CommandRequestFilter extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final IdempotencyStore store;
    private final Problems problems;

    public CommandRequestFilter(IdempotencyStore store, Problems problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (request.getContentLengthLong() > MAX_BODY_BYTES || body.length > MAX_BODY_BYTES) {
            problems.write(response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
                    "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB."));
            return;
        }
        HttpServletRequest cached = new CachedBody(request, body);
        String key = request.getHeader(IDEMPOTENCY_KEY);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (key == null || authentication == null) {
            chain.doFilter(cached, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problems.write(response, Problems.invalid("invalid-header", "Idempotency-Key must be 1 to 100 letters, digits or . _ : -",
                    List.of(new Problems.FieldError(IDEMPOTENCY_KEY, "must be 1 to 100 letters, digits or . _ : -"))));
            return;
        }
        String user = authentication.getName();
        String hash = hash(request, body);
        if (!store.claim(user, key, hash)) {
            answerRepeat(store.find(user, key), hash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(cached, recorded);
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

    /** The request with its body already read, so that it can be hashed and still be parsed. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
