package org.childprotection.registry.api.privacy;

import org.childprotection.registry.api.cases.CaseCommandSender;
import org.childprotection.registry.erasure.ErasureBasis;
import org.childprotection.registry.erasure.RequestErasure;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.childprotection.registry.privacy.DueForErasure;
import org.childprotection.registry.privacy.DueForErasure.DueCase;
import org.childprotection.registry.privacy.Retention;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.RunLock;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * With {@code registry.privacy.auto-request=true}, the registry files the erasure request of every case whose
 * retention has passed, as the user {@code system}, every {@code registry.privacy.auto-request-interval}; a person
 * still decides on each (docs/erasure.md). One node at a time files them (a session advisory lock; the others skip
 * the run); a case already asked about by a person meanwhile refuses the second request, which is no failure here.
 */
@Component
@ConditionalOnProperty(name = "registry.privacy.auto-request", havingValue = "true")
class ErasureRequestsOnRetention {

    /** The advisory lock's name. */
    static final String LOCK = "erasure-requests-on-retention";
    private static final Logger log = LoggerFactory.getLogger(ErasureRequestsOnRetention.class);

    private final DueForErasure due;
    private final Retention retention;
    private final CaseCommandSender commands;
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "erasure-requests-on-retention");
        thread.setDaemon(true);
        return thread;
    });

    ErasureRequestsOnRetention(DueForErasure due, Retention retention, CaseCommandSender commands,
                               DataSource dataSource, Clock clock,
                               @Value("${registry.privacy.auto-request-interval:PT1H}") Duration interval) {
        this.due = due;
        this.retention = retention;
        this.commands = commands;
        this.dataSource = dataSource;
        this.clock = clock;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::fileRequests, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Answers how many requests it filed: none while another node files them. */
    int fileRequests() {
        int filed = 0;
        try (RunLock lock = RunLock.acquire(dataSource, LOCK)) {
            if (lock == null) {
                return 0;
            }
            for (DueCase found : due.all(retention, Jurisdictions.of(""), RegistryCalendar.dateOf(clock.instant()))) {
                if (found.erasureRequested()) {
                    continue;
                }
                try {
                    commands.sendAsRegistry(new RequestErasure(found.caseId(), ErasureBasis.RETENTION_EXPIRED,
                            "Retention passed on " + found.dueOn() + " (" + String.join(", ", found.rules()) + ")"),
                            null);
                    filed++;
                } catch (RuntimeException refused) {
                    // asked meanwhile by a person, or changed under this run: the next looks again
                    log.debug("Case {}: no erasure request filed ({})", found.caseId(), refused.getClass().getName());
                }
            }
        } catch (RuntimeException e) {
            log.error("Filing the erasure requests of cases past their retention failed ({}); retried in {}",
                    e.getClass().getName(), interval);
        }
        if (filed > 0) {
            log.info("Filed {} erasure requests of cases past their retention", filed);
        }
        return filed;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
