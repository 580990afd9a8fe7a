package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.registry.integrity.TreeHeads;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.RandomStories;
import org.childprotection.registry.testsupport.Tampering;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** verify, export --with-proofs and verify-export against a running registry's log. */
class IntegrityCommandsTest {

    static String[] database;
    static ConfigurableApplicationContext registry;
    static JdbcTemplate jdbc;
    static Path publicKey;

    @BeforeAll
    static void registryWithALog() throws Exception {
        database = UniqueTestDatabase.createForArguments();
        // the registry makes its signing key, as the API does (the tool's own configuration never would)
        registry = QuerySideBeside.start(database, "--registry.integrity.generate-key=true");
        jdbc = registry.getBean(JdbcTemplate.class);
        RandomStories stories = new RandomStories(new CaseEvents(registry.getBean(EventStore.class)), 21);
        for (int i = 0; i < 8; i++) {
            stories.live("proven-" + i, "150101001001", Instant.parse("2026-07-01T00:00:00Z").plusSeconds(3600L * i));
        }
        ProjectionsAwait.caughtUp(registry.getBean(Reconciliation.class));
        registry.getBean(TreeHeads.class).signLatest();
        publicKey = Files.createTempFile("registry", ".pub");
        Files.writeString(publicKey, registry.getBean(SigningKey.class).publicKeyBase64());
    }

    @AfterAll
    static void stop() {
        registry.close();
        ReplayTools.closeContext();
    }

    @Test
    void verify_passes_on_an_untouched_log_and_names_the_position_of_each_kind_of_tampering() throws Exception {
        Run clean = run("verify", "--public-key", publicKey.toString());
        assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("verified:");

        List<Long> logged = jdbc.queryForList("SELECT global_index FROM merkle_leaf ORDER BY leaf_index", Long.class);
        long target = logged.get(logged.size() / 2);
        Tampering tampering = new Tampering(jdbc);
        try (AutoCloseable undo = tampering.change(target)) {
            assertNotVerifiedAt(target, "changed");
        }
        try (AutoCloseable undo = tampering.delete(target)) {
            assertNotVerifiedAt(target, "deleted");
        }
        long forged = tampering.insertAfter(target);
        try (AutoCloseable undo = tampering.undoInsert(forged)) {
            assertNotVerifiedAt(forged, "inserted");
        }
        try (AutoCloseable undo = tampering.swap(target, logged.get(logged.size() / 2 + 1))) {
            assertNotVerifiedAt(target, "out of its place");
        }
        assertThat(run("verify", "--public-key", publicKey.toString()).code()).isZero();
    }

    @Test
    void an_exported_case_with_proofs_verifies_offline_and_any_alteration_is_caught(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("case.jsonl");
        Run exported = run("export", "--case", "proven-3", "--with-proofs", "-o", export.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        List<String> lines = Files.readAllLines(export);
        assertThat(lines.get(0)).contains("\"treeHead\"");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains("\"auditPath\""));

        Run verified = run("verify-export", export.toString(), "--public-key", publicKey.toString());
        assertThat(verified.code()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("verified: " + (lines.size() - 1) + " events");

        ObjectNode altered = (ObjectNode) EventJson.mapper().readTree(lines.get(1));
        altered.with("payload").put("caseId", "someone-else");
        Path alteredFile = dir.resolve("altered.jsonl");
        Files.write(alteredFile, List.of(lines.get(0), altered.toString()));
        Run caught = run("verify-export", alteredFile.toString(), "--public-key", publicKey.toString());
        assertThat(caught.code()).isEqualTo(1);
        assertThat(caught.out()).contains("NOT VERIFIED").contains("altered");

        Path otherKey = dir.resolve("other.pub");
        Files.writeString(otherKey, Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()));
        Run wrongKey = run("verify-export", export.toString(), "--public-key", otherKey.toString());
        assertThat(wrongKey.code()).isEqualTo(1);
        assertThat(wrongKey.out()).contains("signature");

        Path truncated = dir.resolve("without-head.jsonl");
        Files.write(truncated, lines.subList(1, lines.size()));
        assertThat(run("verify-export", truncated.toString()).code()).isEqualTo(1);
    }

    private static void assertNotVerifiedAt(long position, String what) {
        Run verify = run("verify", "--public-key", publicKey.toString());
        assertThat(verify.code()).as(verify.out()).isEqualTo(1);
        assertThat(verify.out()).contains("NOT VERIFIED at global position " + position + ":").contains(what);
    }

    private static Run run(String... args) {
        return Run.of(database, args);
    }
}
