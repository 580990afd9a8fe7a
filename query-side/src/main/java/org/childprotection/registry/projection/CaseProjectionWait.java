package org.childprotection.registry.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Read-your-writes: after a command the API waits here until the case file and the history have caught up
 * with the version the command produced, so that the caller's next GET shows it. Projections on this node call
 * {@link #projectedInThisUnitOfWork()}, so a waiting answer looks again as soon as a batch commits instead of
 * polling the database; events projected by another node are found by a slower poll.
 */
@Component
public class CaseProjectionWait {

    private static final long LONGEST_POLL_MILLIS = 100;
    private static final String REGISTERED = CaseProjectionWait.class.getName();

    private final JdbcTemplate jdbc;
    private final Object projected = new Object();

    public CaseProjectionWait(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether both projections reached {@code version} of the case within {@code timeout}. */
    public boolean awaitVersion(String caseId, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 2;
        while (!caughtUp(caseId, version)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            synchronized (projected) {
                try {
                    projected.wait(Math.min(pause, left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            pause = Math.min(pause * 2, LONGEST_POLL_MILLIS);
        }
        return true;
    }

    /** Called by a projection while handling events: wakes the waiting answers once its batch has committed. */
    public void projectedInThisUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            wakeWaiters();
            return;
        }
        CurrentUnitOfWork.get().root().resources().computeIfAbsent(REGISTERED, key -> {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> wakeWaiters());
            return Boolean.TRUE;
        });
    }

    private void wakeWaiters() {
        synchronized (projected) {
            projected.notifyAll();
        }
    }

    private boolean caughtUp(String caseId, long version) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT coalesce((SELECT version FROM case_file WHERE case_id = ?), -1) >= ?
                   AND coalesce((SELECT max(sequence) FROM case_event WHERE case_id = ?), -1) >= ?
                """, Boolean.class, caseId, version, caseId, version));
    }
}
