package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.registration.PoliceNotified;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCommandTest {

    static String[] database;
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @BeforeAll
    static void logWithTwoCases() {
        database = UniqueTestDatabase.createForArguments();
        ReplayTools.picocliArguments(database);
        EventStore events = ReplayTools.context().getBean(EventStore.class);
        List<GenericDomainEventMessage<?>> log = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            log.add(event("case-a", i, T0.plusSeconds(60L * i)));
            log.add(event("case-b", i, T0.plusSeconds(60L * i + 30)));
        }
        events.publish(log);
    }

    @AfterAll
    static void close() {
        ReplayTools.closeContext();
    }

    @Test
    void the_export_of_a_case_holds_exactly_its_events_in_order_with_position_metadata_and_payload() throws Exception {
        Run run = run("export", "--case", "case-a");

        assertThat(run.code()).isZero();
        List<JsonNode> lines = lines(run);
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> l.get("caseId").asText()).containsOnly("case-a");
        assertThat(lines).extracting(l -> l.get("sequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(lines.get(0).get("globalIndex").asLong()).isLessThan(lines.get(1).get("globalIndex").asLong());
        assertThat(lines.get(0).get("type").asText()).isEqualTo("PoliceNotified");
        assertThat(lines.get(0).at("/metadata/actor").asText()).isEqualTo("li.caseworker");
        assertThat(lines.get(0).at("/payload/triggers/0").asText()).isEqualTo("CHILD_ALONE_OR_MISSING");
        assertThat(lines.get(0).get("payloadRevision").asText()).isEqualTo("1");
    }

    @Test
    void a_time_range_exports_the_events_recorded_in_it_from_every_case(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trail.jsonl");
        Run run = run("export", "--from", T0.plusSeconds(30).toString(), "--to", T0.plusSeconds(120).toString(),
                "--output", file.toString());

        assertThat(run.code()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().map(ExportCommandTest::json).map(l -> l.get("caseId").asText() + "/" + l.get("sequence")))
                .containsExactly("case-b/0", "case-a/1", "case-b/1");
    }

    @Test
    void each_export_and_as_of_run_leaves_one_access_log_row_with_the_os_user_and_the_database_login() {
        JdbcTemplate jdbc = ReplayTools.context().getBean(JdbcTemplate.class);
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM access_log", Long.class);

        assertThat(run("export", "--case", "case-b").code()).isZero();
        assertThat(run("export", "--from", T0.toString(), "--to", T0.plusSeconds(31).toString()).code()).isZero();
        assertThat(run("as-of", "--case", "case-a", "--at", T0.plusSeconds(61).toString()).code()).isZero();
        assertThat(run("export", "--case", "no-such-case").code()).as("nothing read, nothing logged").isEqualTo(1);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT resource, case_id, array_to_string(case_ids, ',') "
                + "AS case_ids, username, detail->>'osUser' AS os_user, detail->>'databaseLogin' AS login, "
                + "detail->>'tool' AS tool FROM access_log WHERE id > ? ORDER BY id", before);
        String login = jdbc.queryForObject("SELECT current_user", String.class);
        assertThat(rows).extracting(r -> r.get("resource") + " " + r.get("case_id") + " " + r.get("case_ids") + " "
                + r.get("tool")).containsExactly("EXPORT case-b null replay-tools export",
                "EXPORT null case-a,case-b replay-tools export", "AS_OF case-a null replay-tools as-of");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("os_user")).isEqualTo(System.getProperty("user.name"));
            assertThat(r.get("login")).isEqualTo(login);
            assertThat(r.get("username")).isEqualTo(login);
        });
    }

    @Test
    void an_unknown_case_fails_with_a_clear_message() {
        Run run = run("export", "--case", "no-such-case");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("No events of case no-such-case");
    }

    @Test
    void bad_arguments_are_refused_with_a_message_and_a_usage_exit_code() {
        assertThat(run("export").code()).isEqualTo(2);
        Run both = run("export", "--case", "case-a", "--from", T0.toString(), "--to", T0.plusSeconds(1).toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        Run badInstant = run("export", "--from", "yesterday", "--to", T0.toString());
        assertThat(badInstant.code()).isEqualTo(2);
        assertThat(badInstant.err()).contains("yesterday");
        Run backwards = run("export", "--from", T0.toString(), "--to", T0.minusSeconds(1).toString());
        assertThat(backwards.code()).isEqualTo(2);
        assertThat(backwards.err()).contains("--from must be before --to");
        assertThat(run("no-such-subcommand").code()).isEqualTo(2);
    }

    @Test
    void every_command_has_help() {
        Run help = run("export", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--case", "--from", "--to", "--output");
        assertThat(run("--help").out()).contains("export");
    }

    private static Run run(String... args) {
        return Run.of(database, args);
    }

    private static List<JsonNode> lines(Run run) {
        return run.out().lines().map(ExportCommandTest::json).toList();
    }

    private static JsonNode json(String line) {
        try {
            return EventJson.mapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static GenericDomainEventMessage<?> event(String caseId, long sequence, Instant at) {
        return new GenericDomainEventMessage<>("ChildCase", caseId, sequence,
                new PoliceNotified(caseId, List.of(MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING)),
                MetaData.with("actor", "li.caseworker").and("role", "CASEWORKER"),
                java.util.UUID.randomUUID().toString(), at);
    }
}
