package org.childprotection.registry.testsupport;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that something asynchronous will make true (a processor, another thread, another process):
 * a test asserts after the condition, never after a fixed sleep, which on a busy machine is sometimes too short.
 * Awaitility does the polling; this names the two waits the tests share.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it still does not after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(condition::getAsBoolean);
    }

    /**
     * Returns once the clock has passed {@code age} from now: for the readers whose rules are about age (a gap given
     * up after a timeout), the condition is the clock itself.
     */
    public static void aged(Duration age) {
        Instant old = Instant.now().plus(age);
        until("the clock past " + old, age.plusSeconds(10), () -> Instant.now().isAfter(old));
    }
}
