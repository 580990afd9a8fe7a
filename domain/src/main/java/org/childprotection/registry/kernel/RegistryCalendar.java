package org.childprotection.registry.kernel;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The registry's notion of "now" and "today". Dates in the registry are calendar dates where the children
 * live, so "today" is taken in China Standard Time. Time comes from Axon's event clock so that
 * {@code AggregateTestFixture} can fix it and events carry the same instant the rules saw.
 */
public final class RegistryCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private RegistryCalendar() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
