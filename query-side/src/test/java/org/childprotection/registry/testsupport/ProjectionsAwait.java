package org.childprotection.registry.testsupport;

import org.awaitility.Awaitility;
import org.childprotection.registry.projection.Reconciliation;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/** Waits until the processors are where a test needs them: holding every event of the log, or running. */
public final class ProjectionsAwait {

    private ProjectionsAwait() {
    }

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
