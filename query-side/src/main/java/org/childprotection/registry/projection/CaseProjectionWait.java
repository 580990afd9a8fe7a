package org.childprotection.registry.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes: after a command the API waits here until the case file and the history have caught up
 * with the version the command produced, so that the caller's next GET shows it.
 * <p>
 * Projections on this node report the versions they committed ({@link #projected}), and only an answer waiting
 * for that case is woken, without asking the database: with 16 clients, waking every waiter to query on every
 * batch commit cost more than the commands themselves. Events projected by another node are found by a slower
 * poll of the tables.
 */
@Component
public class CaseProjectionWait {

    /** The projections an answer waits for. */
    public enum Projected { CASE_FILE, HISTORY }

    private static final long FIRST_POLL_MILLIS = 20;
    private static final long LONGEST_POLL_MILLIS = 200;

    private final JdbcTemplate jdbc;
    private final Map<String, Set<Watch>> watches = new ConcurrentHashMap<>();

    public CaseProjectionWait(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether both projections reached {@code version} of the case within {@code timeout}. */
    public boolean awaitVersion(String caseId, long version, Duration timeout) {
        Watch watch = new Watch(version);
        watches.compute(caseId, (id, set) -> {
            Set<Watch> watching = set == null ? ConcurrentHashMap.newKeySet() : set;
            watching.add(watch);
            return watching;
        });
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            long pause = FIRST_POLL_MILLIS;
            boolean caughtUp = caughtUpInTables(caseId, version);
            while (!caughtUp) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                caughtUp = watch.await(Math.min(pause, left)) || caughtUpInTables(caseId, version);
                pause = Math.min(pause * 2, LONGEST_POLL_MILLIS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            watches.computeIfPresent(caseId, (id, set) -> {
                set.remove(watch);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /**
     * Called by a projection with the versions of the cases it holds after its current batch: waiting answers for
     * those cases learn them once the batch has committed (at once outside a unit of work).
     */
    public void projected(Projected projection, Map<String, Long> versions) {
        if (!CurrentUnitOfWork.isStarted()) {
            tell(projection, versions);
            return;
        }
        CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> tell(projection, versions));
    }

    private void tell(Projected projection, Map<String, Long> versions) {
        versions.forEach((caseId, version) -> {
            Set<Watch> waiting = watches.get(caseId);
            if (waiting != null) {
                waiting.forEach(watch -> watch.reached(projection, version));
            }
        });
    }

    private boolean caughtUpInTables(String caseId, long version) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT coalesce((SELECT version FROM case_file WHERE case_id = ?), -1) >= ?
                   AND coalesce((SELECT max(sequence) FROM case_event WHERE case_id = ?), -1) >= ?
                """, Boolean.class, caseId, version, caseId, version));
    }

    /** One waiting answer: the version it needs and what each projection has reported so far. */
    private static final class Watch {

        private final long version;
        private long caseFile = -1;
        private long history = -1;

        Watch(long version) {
            this.version = version;
        }

        synchronized void reached(Projected projection, long projected) {
            if (projection == Projected.CASE_FILE) {
                caseFile = Math.max(caseFile, projected);
            } else {
                history = Math.max(history, projected);
            }
            if (caughtUp()) {
                notifyAll();
            }
        }

        /** @return whether both projections were reported caught up, waiting at most {@code millis} for it */
        synchronized boolean await(long millis) throws InterruptedException {
            if (!caughtUp()) {
                wait(millis);
            }
            return caughtUp();
        }

        private boolean caughtUp() {
            return caseFile >= version && history >= version;
        }
    }
}
