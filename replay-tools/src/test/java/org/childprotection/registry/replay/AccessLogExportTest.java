package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.AccessLogAppender;
import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.integrity.MerkleLogStore;
import org.childprotection.registry.integrity.TreeHeads;
import org.childprotection.registry.testsupport.AccessLogTampering;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** export --access-log --case --with-proofs, verify-export of it, and verify of the access log, end to end. */
class AccessLogExportTest {

    static String[] database;
    static ConfigurableApplicationContext registry;
    static JdbcTemplate jdbc;
    static Path publicKey;
    static List<Long> readsOfTheCase = new ArrayList<>();
    static long readAfterTheHead;

    @BeforeAll
    static void anAccessLogUnderASignedHead() throws Exception {
        database = UniqueTestDatabase.createForArguments();
        registry = QuerySideBeside.start(database, "--registry.integrity.generate-key=true");
        jdbc = registry.getBean(JdbcTemplate.class);
        readsOfTheCase.add(read("case-x", null));
        read("case-y", null);
        readsOfTheCase.add(read(null, "{case-w,case-x}"));
        read(null, "{case-w,case-y}");
        readsOfTheCase.add(read("case-x", null));
        appendedUpTo(5);
        accessHeads().signLatest();
        readAfterTheHead = read("case-x", null);
        appendedUpTo(6);
        publicKey = QuerySideBeside.publicKeyFile(registry);
    }

    @AfterAll
    static void stop() {
        registry.close();
        ReplayTools.closeContext();
    }

    @Test
    void the_reads_of_a_case_export_with_proofs_verify_offline_and_an_altered_row_or_foreign_head_is_caught(
            @TempDir Path dir) throws Exception {
        Path export = dir.resolve("reads.jsonl");
        Run exported = run("export", "--access-log", "--case", "case-x", "--with-proofs", "-o", export.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.err()).contains("Exported 3 access-log row(s)").contains("1 logged after it left out");
        List<String> lines = Files.readAllLines(export);
        JsonNode head = EventJson.mapper().readTree(lines.get(0)).get("accessLogTreeHead");
        assertThat(head.get("treeSize").asLong()).isEqualTo(5);
        List<JsonNode> rows = lines.subList(1, lines.size()).stream().map(AccessLogExportTest::json).toList();
        assertThat(rows).extracting(r -> r.get("id").asLong()).containsExactlyElementsOf(readsOfTheCase);
        assertThat(rows).allSatisfy(r -> assertThat(r.has("auditPath") && r.has("leafHash")).isTrue());
        assertThat(rows.get(1).get("caseIds").toString()).isEqualTo("[\"case-w\",\"case-x\"]");
        assertThat(rows.get(0).has("caseIds")).as("a NULL column is left out").isFalse();

        Run verified = run("verify-export", export.toString(), "--public-key", publicKey.toString());
        assertThat(verified.code()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("verified: 3 access-log rows are in the signed access-log tree head of size 5");

        ObjectNode altered = (ObjectNode) json(lines.get(2));
        altered.put("username", "someone-else");
        Run caught = verifyLines(dir, lines.get(0), altered.toString());
        assertThat(caught.code()).isEqualTo(1);
        assertThat(caught.out()).contains("NOT VERIFIED: access-log row " + readsOfTheCase.get(1)
                + " does not match its leaf hash: it was altered");

        Path events = dir.resolve("events.jsonl");
        registry.getBean(TreeHeads.class).signLatest();
        assertThat(run("export", "--case", "no-such-case", "--with-proofs", "-o", events.toString()).code()).isEqualTo(1);
        String eventHead = "{\"accessLogTreeHead\":" + json(Files.readAllLines(events).get(0)).get("treeHead") + "}";
        Run foreign = verifyLines(dir, eventHead);
        assertThat(foreign.code()).as("an event-log head never passes for an access-log head").isEqualTo(1);
        assertThat(foreign.out()).contains("the signature of the access-log tree head of size");

        Run withoutProof = verifyLines(dir, lines.get(0), ((ObjectNode) rows.get(0).deepCopy()).without("auditPath").toString());
        assertThat(withoutProof.code()).isEqualTo(1);
        assertThat(withoutProof.out()).contains("line 2 is not an access-log row with its proof");
    }

    @Test
    void without_proofs_every_read_of_the_case_is_exported_and_a_time_range_is_refused_before_anything_is_written(
            @TempDir Path dir) throws Exception {
        Run plain = run("export", "--access-log", "--case", "case-x");
        assertThat(plain.code()).as(plain.err()).isZero();
        List<Long> ids = plain.out().lines().map(l -> json(l).get("id").asLong()).toList();
        List<Long> all = new ArrayList<>(readsOfTheCase);
        all.add(readAfterTheHead);
        assertThat(ids).containsExactlyElementsOf(all);

        Path file = dir.resolve("range.jsonl");
        Run range = run("export", "--access-log", "--from", "2026-01-01T00:00:00Z", "--to", "2026-02-01T00:00:00Z",
                "-o", file.toString());
        assertThat(range.code()).isEqualTo(2);
        assertThat(range.err()).contains("--access-log exports the reads of one case");
        assertThat(file).doesNotExist();
    }

    @Test
    void verify_checks_the_access_log_too_and_names_a_changed_row_by_its_id() throws Exception {
        Run clean = run("verify", "--public-key", publicKey.toString());
        assertThat(clean.code()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("verified: 6 access-log rows, every signed access-log tree head");

        long target = readsOfTheCase.get(1);
        try (AutoCloseable undo = new AccessLogTampering(jdbc).change(target)) {
            Run caught = run("verify", "--public-key", publicKey.toString());
            assertThat(caught.code()).isEqualTo(1);
            assertThat(caught.out()).contains("verified: 0 events")
                    .contains("NOT VERIFIED at access-log row " + target + ": access-log row " + target
                            + " was changed after it was logged");
        }
        assertThat(run("verify", "--public-key", publicKey.toString()).code()).isZero();
    }

    private static long read(String caseId, String caseIds) {
        return jdbc.queryForObject("INSERT INTO access_log (accessed_at, username, role, case_id, case_ids, resource) "
                + "VALUES (now(), 'chen.oversight', 'OVERSIGHT', ?, ?::varchar[], 'CASE_FILE') RETURNING id", Long.class,
                caseId, caseIds);
    }

    /** Rows settle once every transaction older than theirs has ended, on the whole server: waits for that. */
    private static void appendedUpTo(long leaves) {
        AccessLogAppender appender = registry.getBean(AccessLogAppender.class);
        Await.until("the access log's rows appended", Duration.ofSeconds(30), () -> {
            appender.appendSettled();
            return accessLog(MerkleLogStore.class).size() == leaves;
        });
    }

    private static TreeHeads accessHeads() {
        return accessLog(TreeHeads.class);
    }

    private static <T> T accessLog(Class<T> type) {
        return BeanFactoryAnnotationUtils.qualifiedBeanOfType(registry.getAutowireCapableBeanFactory(), type,
                MerkleLogKind.ACCESS_LOG_NAME);
    }

    private static Run verifyLines(Path dir, String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "check", ".jsonl");
        Files.write(file, List.of(lines));
        return run("verify-export", file.toString(), "--public-key", publicKey.toString());
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run run(String... args) {
        return Run.of(database, args);
    }
}
