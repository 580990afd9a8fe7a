package org.childprotection.registry.replay;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.Stories;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status} shows a projection's dead letters and {@code retry-dead-letters} applies them once the fault is
 * gone, beside the running query side (its processors park the case; a database trigger is the fault).
 */
class RetryDeadLettersCommandTest {

    static String[] database;
    static ConfigurableApplicationContext registry;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void registryRunning() {
        database = UniqueTestDatabase.createForArguments();
        registry = QuerySideBeside.start(database);
        jdbc = registry.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        registry.close();
        ReplayTools.closeContext();
    }

    @Test
    void status_shows_the_parked_case_and_the_retry_applies_it_once_the_fault_is_gone() throws Exception {
        jdbc.execute("CREATE FUNCTION refuse_history() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.case_id = 'tool-parked' THEN RAISE EXCEPTION 'test fault'; END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER refuse_history BEFORE INSERT ON case_event FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_history()");
        CaseEvents events = new CaseEvents(registry.getBean(EventStore.class));
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        Stories.assessedCase(events, "tool-parked", "120101001001", "li.caseworker", RiskLevel.YELLOW, t, t);
        Stories.assessedCase(events, "tool-flowing", "120101001001", "li.caseworker", RiskLevel.RED, t, t);
        Await.until("the parked case's 3 events in the dead-letter queue", Duration.ofSeconds(20), () -> parked() >= 3);

        Run status = Run.of(database, "status");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("dead letters: 3 events parked in 1 cases ('retry-dead-letters case-history'");

        Run stillFaulty = Run.of(database, "retry-dead-letters", "case-history");
        assertThat(stillFaulty.code()).isEqualTo(1);
        assertThat(stillFaulty.out()).contains("case-history: 3 dead letters before, 3 left in 1 cases");
        assertThat(Run.of(database, "retry-dead-letters", "no-such-projection").code()).isEqualTo(2);

        jdbc.execute("DROP TRIGGER refuse_history ON case_event");
        Run retried = Run.of(database, "retry-dead-letters", "case-history");
        assertThat(retried.code()).as(retried.err()).isZero();
        assertThat(retried.out()).contains("case-history: 3 dead letters before, 0 left in 0 cases");
        ProjectionsAwait.caughtUp(registry.getBean(Reconciliation.class));
        assertThat(Run.of(database, "status").out()).doesNotContain("dead letters");
    }

    private static long parked() {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class);
    }
}
