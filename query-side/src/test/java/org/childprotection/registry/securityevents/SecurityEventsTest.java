package org.childprotection.registry.securityevents;

import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.childprotection.registry.securityevents.SecurityEvent.Kind;
import org.childprotection.registry.securityevents.SecurityEvent.Means;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuerySideTest
class SecurityEventsTest {

    static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Instant HORIZON = T.minus(Duration.ofHours(1));

    @Autowired
    SecurityEvents events;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void events_are_recorded_and_found_by_kind_username_address_case_and_time() {
        String name = unique("probe");
        String address = "10.9.0.1";
        events.record(failed(name, address, T));
        events.record(SecurityEvent.caseAttempt(T.plusSeconds(10), name, "CASEWORKER", address, "case-x", "GET",
                "/api/cases/case-x", 404, "r2"));
        events.record(failed(name, "10.9.0.2", T.plusSeconds(20)));
        PageRequest all = new PageRequest(0, 10);

        Page<SecurityEvent> ofName = events.page(new SecurityEvents.Filter(null, name, null, null, null, null), all);
        assertThat(ofName.total()).isEqualTo(3);
        SecurityEvent probe = ofName.items().get(1);
        assertThat(probe.kind()).isEqualTo(Kind.CASE_OUTSIDE_JURISDICTION);
        assertThat(probe.role()).isEqualTo("CASEWORKER");
        assertThat(probe.caseId()).isEqualTo("case-x");
        assertThat(probe.path()).isEqualTo("/api/cases/case-x");
        assertThat(probe.status()).isEqualTo(404);
        assertThat(probe.occurredAt()).isEqualTo(T.plusSeconds(10));
        assertThat(ofName.items().get(0).means()).isEqualTo(Means.BASIC);
        assertThat(events.page(new SecurityEvents.Filter(Kind.SIGN_IN_FAILED, name, address, null, null, null), all)
                .items()).extracting(SecurityEvent::occurredAt).containsExactly(T);
        assertThat(events.page(new SecurityEvents.Filter(null, null, null, "case-x", null, null), all).items())
                .extracting(SecurityEvent::username).containsExactly(name);
        assertThat(events.page(new SecurityEvents.Filter(null, name, null, null, T.plusSeconds(10), T.plusSeconds(20)),
                all).items()).extracting(SecurityEvent::kind).containsExactly(Kind.CASE_OUTSIDE_JURISDICTION);
        assertThat(events.page(new SecurityEvents.Filter(null, name, null, null, null, null), new PageRequest(1, 2))
                .items()).extracting(SecurityEvent::address).containsExactly("10.9.0.2");
    }

    @Test
    void failures_of_a_username_count_within_the_window_before_the_latest_and_since_its_last_sign_in() {
        String name = unique("user");
        events.record(failed(name, "10.9.1.1", T.minus(Duration.ofMinutes(20))));   // outside the window
        events.record(failed(name, "10.9.1.2", T.minus(Duration.ofMinutes(10))));
        events.record(failed(name, "10.9.1.3", T));

        RecentFailures recent = events.recentFailures(name, "10.9.1.9", HORIZON, WINDOW);
        assertThat(recent.ofUsername()).isEqualTo(2);
        assertThat(recent.lastOfUsername()).isEqualTo(T);
        assertThat(recent.fromAddress()).isZero();
        assertThat(recent.lastFromAddress()).isNull();

        events.record(SecurityEvent.signIn(Kind.SIGN_IN_SUCCEEDED, T.plusSeconds(1), name, "10.9.1.3", Means.FORM,
                "POST", "/api/session", 200, null));
        events.record(throttled(name, "10.9.1.3", T.plusSeconds(2)));
        assertThat(events.recentFailures(name, "10.9.1.9", HORIZON, WINDOW).ofUsername())
                .as("a sign-in ends the username's streak").isEqualTo(1);
        assertThat(events.recentFailures(name, "10.9.1.3", HORIZON, WINDOW).fromAddress())
                .as("but not the address's").isEqualTo(2);
        assertThat(events.recentFailures(name, "10.9.1.9", T.plusSeconds(3), WINDOW))
                .as("nothing after the horizon").isEqualTo(RecentFailures.NONE);
    }

    @Test
    void failures_from_an_address_count_its_usernames_each_unnamed_one_apart() {
        String address = "10.9.2." + (int) (Math.random() * 250);
        String first = unique("a");
        events.record(failed(first, address, T));
        events.record(failed(first, address, T.plusSeconds(1)));
        events.record(failed(unique("b"), address, T.plusSeconds(2)));
        events.record(SecurityEvent.signIn(Kind.SIGN_IN_FAILED, T.plusSeconds(3), null, address, Means.BEARER, "GET",
                "/api/cases", 401, null));
        events.record(SecurityEvent.signIn(Kind.SIGN_IN_FAILED, T.plusSeconds(4), null, address, Means.BEARER, "GET",
                "/api/cases", 401, null));

        RecentFailures recent = events.recentFailures(null, address, HORIZON, WINDOW);
        assertThat(recent.fromAddress()).isEqualTo(5);
        assertThat(recent.usernamesFromAddress()).isEqualTo(4);
        assertThat(recent.lastFromAddress()).isEqualTo(T.plusSeconds(4));
        assertThat(recent.ofUsername()).isZero();
    }

    @Test
    void what_a_caller_typed_is_kept_as_a_column_holds_it_and_found_again() {
        String typed = unique("nul\u0000") + "x".repeat(200);
        events.record(failed(typed, "10.9.3.1", T));

        assertThat(events.recentFailures(typed, "10.9.3.2", HORIZON, WINDOW).ofUsername()).isEqualTo(1);
        SecurityEvent stored = events.page(new SecurityEvents.Filter(null, typed, null, null, null, null),
                new PageRequest(0, 1)).items().get(0);
        assertThat(stored.username()).hasSize(100).doesNotContain("\u0000").contains("\uFFFD");
    }

    @Test
    void the_security_events_refuse_update_delete_and_truncate() {
        String name = unique("kept");
        events.record(failed(name, "10.9.4.1", T));

        assertThatThrownBy(() -> jdbc.update("UPDATE security_event SET username = 'nobody' WHERE username = ?", name))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM security_event WHERE username = ?", name))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE security_event"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM security_event WHERE username = ?", Long.class, name))
                .isEqualTo(1);
    }

    private static SecurityEvent failed(String username, String address, Instant at) {
        return SecurityEvent.signIn(Kind.SIGN_IN_FAILED, at, username, address, Means.BASIC, "GET", "/api/me", 401,
                "r-" + at.getEpochSecond());
    }

    private static SecurityEvent throttled(String username, String address, Instant at) {
        return SecurityEvent.signIn(Kind.SIGN_IN_THROTTLED, at, username, address, Means.BASIC, "GET", "/api/me", 429,
                null);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
