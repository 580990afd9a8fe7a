package org.childprotection.registry.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.childprotection.registry.casefile.CaseFileProjection;
import org.childprotection.registry.casefile.CaseFileRepository;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.history.CaseHistoryProjection;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.childprotection.registry.testsupport.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.testsupport.Stories.assessed;
import static org.childprotection.registry.testsupport.Stories.registered;

/**
 * Issue 8, slow consumers, with the real processors: the case-file projection cannot write one case (a database
 * trigger refuses its rows after the registration, standing in for any fault of one case). That case's events are
 * parked in the dead-letter queue, every other case keeps flowing, status shows the parked letters, and once the
 * fault is gone a retry brings the projection back to exactly the log.
 */
@QuerySideTest
class DeadLetterTest {

    static final String POISONED = "dlq-poisoned";
    static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    CaseEvents events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    CaseFileRepository files;
    @Autowired
    ProcessorStatus status;
    @Autowired
    DeadLetterRetry retry;
    @Autowired
    CaseFileProjection caseFiles;

    @AfterEach
    void removeFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS dlq_poison ON case_file");
    }

    @Test
    void a_case_the_projection_cannot_write_is_parked_while_the_others_flow_and_a_retry_restores_it() {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION dlq_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.case_id = 'dlq-poisoned' AND NEW.version >= 1 THEN
                    RAISE EXCEPTION 'test fault: case file refused';
                  END IF;
                  RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER dlq_poison BEFORE INSERT OR UPDATE ON case_file "
                + "FOR EACH ROW EXECUTE FUNCTION dlq_poison()");

        // one processor batch holds the poisoned case between healthy ones
        caseFileProcessor().shutDown();
        Instant t = Instant.now();
        events.append("dlq-before", t, registered("dlq-before", "110101001001", "li.caseworker", t));
        Stories.assessedCase(events, POISONED, "110101001001", "li.caseworker", RiskLevel.YELLOW, t, t);
        Stories.assessedCase(events, "dlq-after", "110101001001", "li.caseworker", RiskLevel.RED, t, t);
        caseFileProcessor().start();
        Await.until("dlq-after projected", WITHIN,
                () -> files.find("dlq-after").map(f -> f.version() == 2).orElse(false));

        // a later event of the parked case is parked behind it; other cases go on
        events.append(POISONED, t, assessed(POISONED, RiskLevel.RED, t));
        events.append("dlq-before", t, assessed("dlq-before", RiskLevel.GREEN, t));
        Await.until("dlq-before projected", WITHIN, () -> files.find("dlq-before").map(f -> f.version() == 1)
                .orElse(false));
        Await.until("only the poisoned case behind, its 3 events parked", WITHIN,
                () -> reconciliation.check().equals(new Reconciliation.Result(1, 0, 0))
                        && parked(CaseFileProjection.NAME) == 3);

        assertThat(files.find(POISONED).orElseThrow().version()).as("written before the fault").isZero();
        assertThat(reconciliation.check().caseFilesBehind()).isEqualTo(1);
        assertThat(processor(CaseFileProjection.NAME).deadLetters()).isEqualTo(3);
        assertThat(processor(CaseFileProjection.NAME).parkedCases()).isEqualTo(1);
        assertThat(processor(CaseHistoryProjection.NAME).deadLetters()).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT sequence_identifier FROM dead_letter_entry", String.class))
                .containsExactly(POISONED);

        DeadLetterRetry.Result stillFailing = retry.retry(caseFiles);
        assertThat(stillFailing.lettersAfter()).as("the fault is still there").isEqualTo(3);
        assertThat(files.find(POISONED).orElseThrow().version()).isZero();

        removeFault();
        DeadLetterRetry.Result retried = retry.retry(caseFiles);
        assertThat(retried.lettersBefore()).isEqualTo(3);
        assertThat(retried.lettersAfter()).isZero();
        assertThat(retried.casesAfter()).isZero();
        ProjectionsAwait.caughtUp(reconciliation);
        assertThat(files.find(POISONED).orElseThrow().version()).isEqualTo(3);
        assertThat(files.find(POISONED).orElseThrow().riskLevel()).isEqualTo(RiskLevel.RED);
        assertThat(processor(CaseFileProjection.NAME).deadLetters()).isZero();

        // the case flows again: its next event is projected, not parked
        events.append(POISONED, t, assessed(POISONED, RiskLevel.YELLOW, t));
        Await.until("the poisoned case projected again", WITHIN,
                () -> files.find(POISONED).map(f -> f.version() == 4).orElse(false));
        assertThat(parked(CaseFileProjection.NAME)).isZero();
        ProjectionsAwait.caughtUp(reconciliation);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_event", Long.class))
                .as("nothing written twice").isEqualTo(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry", Long.class));
    }

    private long parked(String projection) {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class,
                projection);
    }

    private ProcessorStatus.Processor processor(String name) {
        return status.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private StreamingEventProcessor caseFileProcessor() {
        return processing.eventProcessor(CaseFileProjection.NAME, StreamingEventProcessor.class).orElseThrow();
    }
}
