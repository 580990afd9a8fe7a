package org.childprotection.registry.replay;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.privacy.KeyEncryptionKeys;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.readmodel.RunLock;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.RandomStories;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilds beside a running registry: the query side with its live processors runs in its own context on the
 * same database, as the API would, while the tool rebuilds.
 */
class RebuildCommandTest {

    /** The application name of the sessions of the rebuild that the test kills. */
    static final String KILLED = "killed-rebuild";

    static String[] database;
    static ConfigurableApplicationContext registry;
    static JdbcTemplate jdbc;
    static Reconciliation reconciliation;

    @BeforeAll
    static void registryRunning() {
        database = UniqueTestDatabase.createForArguments();
        registry = QuerySideBeside.start(database);
        jdbc = registry.getBean(JdbcTemplate.class);
        reconciliation = registry.getBean(Reconciliation.class);
    }

    @AfterAll
    static void stop() {
        registry.close();
        ReplayTools.closeContext();
    }

    @Test
    void a_rebuild_while_events_keep_arriving_ends_identical_to_a_rebuild_on_a_quiet_system() throws Exception {
        CaseEvents events = new CaseEvents(registry.getBean(EventStore.class));
        RandomStories stories = new RandomStories(events, 7);
        for (int i = 0; i < 60; i++) {
            stories.live("busy-" + i, "130101001" + String.format("%03d", i % 9), Instant.parse("2026-02-01T00:00:00Z")
                    .plus(Duration.ofHours(i)));
        }
        ProjectionsAwait.caughtUp(reconciliation);

        AtomicBoolean arriving = new AtomicBoolean(true);
        Thread commands = new Thread(() -> {
            RandomStories more = new RandomStories(new CaseEvents(registry.getBean(EventStore.class)), 8);
            for (int i = 0; i < 200 && arriving.get(); i++) {
                more.live("arriving-" + i, "130101002001", Instant.parse("2026-04-01T00:00:00Z").plus(Duration.ofHours(i)));
            }
        });
        commands.start();
        Run files = run("rebuild", "case-files", "--batch-size", "25");
        Run history = run("rebuild", "case-history", "--batch-size", "25");
        arriving.set(false);
        commands.join(TimeUnit.SECONDS.toMillis(60));
        ProjectionsAwait.caughtUp(reconciliation);

        assertThat(files.code()).as(files.err()).isZero();
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(files.err()).contains("Rebuilt case-files");
        List<String> afterBusyRebuild = rows();

        assertThat(run("rebuild", "case-files").code()).isZero();
        assertThat(run("rebuild", "case-history").code()).isZero();
        ProjectionsAwait.caughtUp(reconciliation);

        assertThat(rows()).isEqualTo(afterBusyRebuild);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_event", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'case_file'", String.class))
                .as("the rebuilt table has the live table's index names").contains("case_file_pkey", "case_file_urgency");
    }

    @Test
    void a_rebuild_killed_halfway_leaves_the_live_projection_alone_and_resumes_to_the_same_end() throws Exception {
        CaseEvents events = new CaseEvents(registry.getBean(EventStore.class));
        RandomStories stories = new RandomStories(events, 11);
        for (int i = 0; i < 400; i++) {
            stories.live("killed-" + i, "130102001001", Instant.parse("2026-05-01T00:00:00Z").plus(Duration.ofHours(i)));
        }
        ProjectionsAwait.caughtUp(reconciliation);
        List<String> live = historyRows();

        java.nio.file.Path output = java.nio.file.Files.createTempFile("replay-tools", ".log");
        Process tool = new ProcessBuilder(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), ReplayTools.class.getName(),
                "--" + KeyEncryptionKeys.TEXT + "=" + System.getProperty(KeyEncryptionKeys.TEXT),
                "rebuild", "case-history", "--batch-size", "5",
                database[0] + "?ApplicationName=" + KILLED, database[1], database[2], database[3]))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Await.until("the rebuild's first batch applied", Duration.ofSeconds(60), () -> applied() > 0 || !tool.isAlive());
        tool.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        sessionsEnded(KILLED);
        long appliedWhenKilled = applied();
        long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        assertThat(appliedWhenKilled).as("killed halfway; the tool said: " + java.nio.file.Files.readString(output))
                .isBetween(1L, total - 1);
        assertThat(historyRows()).as("the live projection is untouched").isEqualTo(live);
        Run status = run("status");
        assertThat(status.out()).contains("case-history").contains("rebuild in progress: " + appliedWhenKilled);

        Run resumed = run("rebuild", "case-history");

        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming the rebuild of case-history after " + appliedWhenKilled);
        ProjectionsAwait.caughtUp(reconciliation);
        assertThat(historyRows()).isEqualTo(live);
        assertThat(run("status").out()).doesNotContain("rebuild in progress");
    }

    @Test
    void a_second_rebuild_of_the_same_projection_is_refused_while_one_runs() {
        try (RunLock held = RunLock.acquire(jdbc.getDataSource(), "rebuild:case-files")) {
            assertThat(held).isNotNull();
            Run second = run("rebuild", "case-files");
            assertThat(second.code()).isEqualTo(1);
            assertThat(second.err()).contains("Another rebuild of case-files is running");
        }
        assertThat(run("rebuild", "case-files").code()).as("released after the first run").isZero();
    }

    @Test
    void status_shows_the_merkle_log_with_segments_owners_and_lag_and_every_projection() {
        ProjectionsAwait.segmentsClaimed(jdbc, "merkle-log");
        Run status = run("status");

        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("log head: global index").contains("merkle-log: lag")
                .contains("segment 0").contains("owner ")
                .contains("case-files: applied by each command in its own transaction")
                .contains("case-history: applied by each command in its own transaction");
    }

    @Test
    void rebuild_refuses_an_unknown_projection_and_bad_arguments() {
        Run unknown = run("rebuild", "no-such-projection");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown projection 'no-such-projection'").contains("case-files");
        assertThat(run("rebuild").code()).isEqualTo(2);
        Run badBatch = run("rebuild", "case-files", "--batch-size", "0");
        assertThat(badBatch.code()).isEqualTo(2);
        assertThat(badBatch.err()).contains("--batch-size");
        assertThat(run("rebuild", "--help").out()).contains("--restart").contains("--batch-size");
    }

    /**
     * Waits until the database has ended every session of the killed process: a COMMIT it sent just before it died
     * may still be carried out, so what it applied is known only then.
     */
    private static void sessionsEnded(String applicationName) {
        Await.until("the sessions of " + applicationName + " ended", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?",
                Long.class, applicationName) == 0);
    }

    private static long applied() {
        Long applied = jdbc.query("SELECT events_applied FROM projection_rebuild WHERE projection = 'case-history'",
                rs -> rs.next() ? rs.getLong(1) : 0L);
        return applied == null ? 0 : applied;
    }

    private static List<String> rows() {
        return join(jdbc.queryForList("SELECT * FROM case_file ORDER BY case_id"), historyRows());
    }

    private static List<String> historyRows() {
        return join(jdbc.queryForList("SELECT * FROM case_event ORDER BY global_index"), List.of());
    }

    private static List<String> join(List<java.util.Map<String, Object>> table, List<String> more) {
        List<String> rows = table.stream().map(row -> row.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "))).collect(Collectors.toList());
        rows.addAll(more);
        return rows;
    }

    static Run run(String... args) {
        return Run.of(database, args);
    }
}
