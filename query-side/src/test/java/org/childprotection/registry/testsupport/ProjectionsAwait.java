package org.childprotection.registry.testsupport;

import org.childprotection.registry.projection.Reconciliation;

import java.time.Duration;

/** Waits until the projections hold every event of the log (see {@link Reconciliation}). */
public final class ProjectionsAwait {

    private ProjectionsAwait() {
    }

    public static void caughtUp(Reconciliation reconciliation) {
        caughtUp(reconciliation, Duration.ofSeconds(20));
    }

    public static void caughtUp(Reconciliation reconciliation, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reconciliation.Result result = reconciliation.check();
        while (!result.complete()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Projections did not catch up with the log within " + timeout + ": " + result);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            result = reconciliation.check();
        }
    }
}
