package org.childprotection.registry.testsupport;

import org.awaitility.Awaitility;
import org.childprotection.registry.projection.Reconciliation;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/** Waits until the processors are where a test needs them: holding every event of the log, or running. */
public final class ProjectionsAwait {

    private ProjectionsAwait() {
    }

    /**
     * The projections hold every event of the log at once: each is written in the transaction that recorded the
     * events, so there is nothing to wait for (the Merkle log follows later: {@link #caughtUp}).
     */
    public static void projected(Reconciliation reconciliation) {
        Reconciliation.Result now = reconciliation.check();
        if (now.caseFilesBehind() != 0 || now.historyEventsMissing() != 0) {
            throw new AssertionError("The projections lack committed events: " + now);
        }
    }

    /** Waits until the projections and the Merkle log hold every event of the log. */
    public static void caughtUp(Reconciliation reconciliation) {
        caughtUp(reconciliation, Duration.ofSeconds(20));
    }

    public static void caughtUp(Reconciliation reconciliation, Duration timeout) {
        Awaitility.await("the projections holding every event of the log").atMost(timeout)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(reconciliation::check, Reconciliation.Result::complete);
    }

    /**
     * Waits until each processor's segments are in the token store and every one is claimed by a node: a processor
     * does that in its own thread after the application has started, so a status read at once may find none.
     */
    public static void segmentsClaimed(JdbcTemplate jdbc, String... processors) {
        for (String processor : processors) {
            Await.until("the segments of " + processor + " claimed", Duration.ofSeconds(20), () -> Boolean.TRUE.equals(
                    jdbc.queryForObject("SELECT count(*) > 0 AND count(*) = count(owner) FROM token_entry "
                            + "WHERE processor_name = ?", Boolean.class, processor)));
        }
    }
}
