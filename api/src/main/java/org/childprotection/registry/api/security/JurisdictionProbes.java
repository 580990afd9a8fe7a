package org.childprotection.registry.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.childprotection.registry.api.web.RequestIds;
import org.childprotection.registry.securityevents.SecurityEvent;
import org.childprotection.registry.securityevents.SecurityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;

/**
 * Records a signed-in user's attempt on an existing case outside their jurisdiction (answered 404 like a missing
 * case, or 403 where their role is refused anyway) as a security event, for oversight: a caseworker probing other
 * villages is visible. The row is written beside the answer, not before it: the 404 must take no longer than a
 * missing case's, or its timing would tell the case exists.
 */
@Component
public class JurisdictionProbes {

    private static final Logger log = LoggerFactory.getLogger(JurisdictionProbes.class);

    private final SecurityEvents events;
    private final TaskExecutor writer;
    private final Clock clock;

    public JurisdictionProbes(SecurityEvents events, @Qualifier("applicationTaskExecutor") TaskExecutor writer,
                              Clock clock) {
        this.events = events;
        this.writer = writer;
        this.clock = clock;
    }

    public void record(RegistryUser user, String caseId, int status) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        SecurityEvent probe = SecurityEvent.caseAttempt(clock.instant(), user.username(), user.role().name(),
                request == null ? null : request.getRemoteAddr(), caseId, request == null ? null : request.getMethod(),
                request == null ? null : request.getRequestURI(), status, RequestIds.requestId());
        writer.execute(() -> {
            try {
                events.record(probe);
            } catch (RuntimeException e) {
                // the exception's class only: its message may quote the row, which names the user
                log.error("A probe of a case outside a jurisdiction could not be recorded ({})", e.getClass().getName());
            }
        });
    }
}
