package org.childprotection.registry.api.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the registry saw a request (the client's address, whether it was secure), for the transport tests: a
 * request marked with {@link #PROBE} is noted under the header's value.
 */
@TestConfiguration
public class SeenRequests {

    public static final String PROBE = "X-Test-Probe";

    public record Seen(String remoteAddress, boolean secure) {
    }

    private final Map<String, Seen> byProbe = new ConcurrentHashMap<>();

    public Seen seen(String probe) {
        return byProbe.get(probe);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> seenRequestsFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        String probe = request.getHeader(PROBE);
                        if (probe != null) {
                            byProbe.put(probe, new Seen(request.getRemoteAddr(), request.isSecure()));
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
