package org.childprotection.registry.privacy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionTest {

    // 2026-03-01 in the registry's time zone (UTC+8)
    private static final Instant CLOSED = Instant.parse("2026-02-28T18:00:00Z");
    private static final LocalDate BORN = LocalDate.of(2015, 6, 1);

    @Test
    void a_period_alone_counts_from_the_closure_in_the_registrys_calendar() {
        assertThat(Retention.parse("P5Y").dueOn(CLOSED, BORN)).contains(LocalDate.of(2031, 3, 1));
        assertThat(Retention.parse("closure+P6M").dueOn(CLOSED, BORN)).contains(LocalDate.of(2026, 9, 1));
        assertThat(Retention.parse("P0D").dueOn(CLOSED, null)).contains(LocalDate.of(2026, 3, 1));
    }

    @Test
    void majority_counts_from_the_18th_birthday_and_every_rule_must_have_passed() {
        assertThat(Retention.parse("majority").dueOn(CLOSED, BORN)).contains(LocalDate.of(2033, 6, 1));
        assertThat(Retention.parse("majority+P1Y").dueOn(CLOSED, BORN)).contains(LocalDate.of(2034, 6, 1));
        assertThat(Retention.parse("P10Y, majority").dueOn(CLOSED, BORN)).contains(LocalDate.of(2036, 3, 1));
        assertThat(Retention.parse("P1Y,majority").dueOn(CLOSED, BORN)).contains(LocalDate.of(2033, 6, 1));
        assertThat(Retention.parse("P1Y,majority").names()).containsExactly("after-closure", "after-majority");
    }

    @Test
    void nothing_is_due_without_rules_without_a_closure_or_for_majority_without_a_date_of_birth() {
        assertThat(Retention.parse("").configured()).isFalse();
        assertThat(Retention.parse(null).dueOn(CLOSED, BORN)).isEmpty();
        assertThat(Retention.parse("P5Y").dueOn(null, BORN)).isEmpty();
        assertThat(Retention.parse("P5Y,majority").dueOn(CLOSED, null)).isEmpty();
    }

    @Test
    void a_rule_it_cannot_read_is_refused_saying_how_to_write_one() {
        for (String bad : new String[]{"5 years", "P5", "closure", "birth+P1Y", "majority+soon"}) {
            assertThatThrownBy(() -> Retention.parse("P1Y," + bad)).as(bad)
                    .hasMessageContaining("registry.privacy.retention: '" + bad + "' is not a rule");
        }
    }
}
