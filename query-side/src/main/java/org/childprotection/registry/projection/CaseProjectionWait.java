package org.childprotection.registry.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Read-your-writes: after a command the API waits here until the case file and the history have caught up
 * with the version the command produced, so that the caller's next GET shows it.
 */
@Component
public class CaseProjectionWait {

    private static final long POLL_MILLIS = 10;

    private final JdbcTemplate jdbc;

    public CaseProjectionWait(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether both projections reached {@code version} of the case within {@code timeout}. */
    public boolean awaitVersion(String caseId, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Boolean caughtUp = jdbc.queryForObject("""
                    SELECT coalesce((SELECT version FROM case_file WHERE case_id = ?), -1) >= ?
                       AND coalesce((SELECT max(sequence) FROM case_event WHERE case_id = ?), -1) >= ?
                    """, Boolean.class, caseId, version, caseId, version);
            if (Boolean.TRUE.equals(caughtUp)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
