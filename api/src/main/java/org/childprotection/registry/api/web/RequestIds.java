package org.childprotection.registry.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.childprotection.registry.accesslog.AccessLog;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a plain token, else a new one),
 * echoes it in the answer and keeps it for event metadata and the access log. The correlation id defaults to it.
 * A caller chooses its own id, so the server also makes one that nobody outside can choose
 * ({@code X-Server-Request-Id}); the logs name that one, and event metadata and the access log keep it beside the
 * caller's and the caller's address.
 */
@Component
@Order(FilterOrder.REQUEST_IDS)
public class RequestIds extends OncePerRequestFilter {

    public static final String REQUEST_HEADER = "X-Request-Id";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String SERVER_REQUEST_HEADER = "X-Server-Request-Id";
    private static final String REQUEST_ATTRIBUTE = RequestIds.class.getName() + ".request";
    private static final String CORRELATION_ATTRIBUTE = RequestIds.class.getName() + ".correlation";
    private static final String ORIGIN_ATTRIBUTE = RequestIds.class.getName() + ".origin";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String serverRequestId = UUID.randomUUID().toString();
        String requestId = tokenOr(request.getHeader(REQUEST_HEADER), serverRequestId);
        request.setAttribute(REQUEST_ATTRIBUTE, requestId);
        request.setAttribute(CORRELATION_ATTRIBUTE, tokenOr(request.getHeader(CORRELATION_HEADER), requestId));
        request.setAttribute(ORIGIN_ATTRIBUTE, new AccessLog.Origin(requestId, serverRequestId, request.getRemoteAddr()));
        response.setHeader(REQUEST_HEADER, requestId);
        response.setHeader(SERVER_REQUEST_HEADER, serverRequestId);
        MDC.put("requestId", serverRequestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    public static String requestId() {
        return (String) attribute(REQUEST_ATTRIBUTE);
    }

    public static String correlationId() {
        return (String) attribute(CORRELATION_ATTRIBUTE);
    }

    /** The request's ids and the client's address (as the container sees it: behind a proxy, forwarded). */
    public static AccessLog.Origin origin() {
        return (AccessLog.Origin) attribute(ORIGIN_ATTRIBUTE);
    }

    private static Object attribute(String name) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null : attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    }

    private static String tokenOr(String given, String fallback) {
        return given != null && TOKEN.matcher(given).matches() ? given : fallback;
    }
}
