package org.childprotection.registry.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that something asynchronous will make true (a processor, another thread, another process),
 * checking it every 20 ms: a test asserts after the condition, never after a fixed sleep, which on a busy machine
 * is sometimes too short.
 */
public final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it still does not after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout);
            }
            pause();
        }
    }

    /** Pauses between two checks. */
    public static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
