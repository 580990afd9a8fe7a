package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.casefile.CaseFile;
import org.childprotection.registry.casefile.CaseFileView;
import org.childprotection.registry.childcase.CaseExamples;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.RandomStories;
import org.childprotection.registry.testsupport.Stories;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** as-of and replay --new on a log that no live processor has read yet. */
class AsOfAndReplayNewTest {

    static String[] database;
    static CaseEvents events;

    @BeforeAll
    static void log() {
        database = UniqueTestDatabase.createForArguments();
        ReplayTools.picocliArguments(database);
        events = new CaseEvents(ReplayTools.context().getBean(EventStore.class));
    }

    @AfterAll
    static void close() {
        ReplayTools.closeContext();
    }

    @Test
    void as_of_at_several_instants_of_a_case_matches_what_the_case_file_said_then() throws Exception {
        String caseId = "as-of-1";
        Instant t0 = Instant.parse("2026-03-01T01:00:00Z");
        List<Object> life = List.of(
                Stories.registered(caseId, "140101001001", "li.caseworker", t0),
                Stories.assessed(caseId, RiskLevel.ORANGE, t0.plusSeconds(3600)),
                CaseExamples.statusChanged(caseId, org.childprotection.registry.kernel.CaseStatus.REPORTED, RiskLevel.ORANGE),
                new HomeVisitRecorded(caseId, LocalDate.of(2026, 3, 4), VisitorRole.CASEWORKER, true, "走访", List.of()));
        List<Instant> instants = List.of(t0, t0.plusSeconds(3600), t0.plusSeconds(3600), t0.plusSeconds(4 * 86400));
        List<String> expected = new ArrayList<>();
        List<org.axonframework.eventhandling.DomainEventMessage<?>> sofar = new ArrayList<>();
        for (int i = 0; i < life.size(); i++) {
            events.append(caseId, instants.get(i), life.get(i));
        }
        var recorded = ReplayTools.context().getBean(EventStore.class).readEvents(caseId).asStream().toList();
        for (int i = 0; i < recorded.size(); i++) {
            sofar.add(recorded.get(i));
            Instant asked = instants.get(i).plusSeconds(10);
            expected.add(EventJson.mapper().writeValueAsString(CaseFileView.of(CaseFile.of(sofar), asked)));
        }

        for (int i : new int[]{0, 2, 3}) {
            Run asOf = Run.of(database, "as-of", "--case", caseId, "--at", instants.get(i).plusSeconds(10).toString());
            assertThat(asOf.code()).as(asOf.err()).isZero();
            JsonNode printed = EventJson.mapper().readTree(asOf.out());
            assertThat(printed).isEqualTo(EventJson.mapper().readTree(expected.get(i)));
        }
        JsonNode afterAssessment = EventJson.mapper().readTree(Run.of(database, "as-of", "--case", caseId, "--at",
                instants.get(2).plusSeconds(10).toString()).out());
        assertThat(afterAssessment.get("status").asText()).isEqualTo("UNDER_PROTECTION");
        assertThat(afterAssessment.get("version").asLong()).isEqualTo(2);
        Run before = Run.of(database, "as-of", "--case", caseId, "--at", t0.minusSeconds(1).toString());
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.err()).contains("had no events");
        assertThat(Run.of(database, "as-of", "--case", caseId).code()).isEqualTo(2);
    }

    @Test
    void replay_new_fills_a_new_projection_from_the_whole_log_and_leaves_no_processor_position() {
        RandomStories stories = new RandomStories(events, 3);
        for (int i = 0; i < 10; i++) {
            stories.live("new-" + i, "140102001001", Instant.parse("2026-06-01T00:00:00Z").plusSeconds(3600L * i));
        }
        JdbcTemplate jdbc = ReplayTools.context().getBean(JdbcTemplate.class);
        TokenStore tokens = ReplayTools.context().getBean(TokenStore.class);
        TransactionTemplate transactions = ReplayTools.context().getBean(TransactionTemplate.class);
        everyEventSettled(jdbc);

        Run replay = Run.of(database, "replay", "--new", "case-history");

        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_event", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        int[] segments = transactions.execute(s -> tokens.fetchSegments("case-history"));
        assertThat(segments.length)
                .as("commands apply their events to projections themselves: no processor to hand over to").isZero();

        Run again = Run.of(database, "replay", "--new", "case-history");
        assertThat(again.code()).as("the same build as rebuild").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_event", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
    }

    /**
     * A replay reads only settled events: older than every transaction still open in the PostgreSQL cluster, where
     * other runs' transactions may be open too. Waits until the whole log is settled.
     */
    private static void everyEventSettled(JdbcTemplate jdbc) {
        Await.until("every event settled", Duration.ofSeconds(30), () -> Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT NOT EXISTS (SELECT 1 FROM domain_event_entry
                                   WHERE tx_id >= pg_snapshot_xmin(pg_current_snapshot())::text::bigint)""",
                Boolean.class)));
    }
}
