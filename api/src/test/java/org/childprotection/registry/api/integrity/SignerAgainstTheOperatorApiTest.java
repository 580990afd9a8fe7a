package org.childprotection.registry.api.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.api.support.Witness;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.Tampering;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit against the operator (docs/tamper-evident-log.md): witnesses' cosignatures of signed heads, and the signer's
 * refusal to sign a history that its owner rewrote. The rewrite stops signing for good in this registry, so that test
 * comes last, in a context of its own (a configured witness key, heads signed on request only).
 */
@RegistryApiTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignerAgainstTheOperatorApiTest {

    static final KeyPair CONFIGURED = Witness.keys();
    static final KeyPair STRANGER = Witness.keys();

    @DynamicPropertySource
    static void witness(DynamicPropertyRegistry properties) {
        properties.add("registry.integrity.witnesses[0].name", () -> "provincial-audit-office");
        properties.add("registry.integrity.witnesses[0].public-key-file", () -> pemFile(CONFIGURED));
        properties.add("registry.integrity.sign-interval", () -> "PT1H");
    }

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reconciliation reconciliation;

    @Test
    @Order(1)
    void a_configured_witness_and_a_witness_user_cosign_the_head_and_it_is_published_with_their_cosignatures() {
        registered();
        ProjectionsAwait.caughtUp(reconciliation);
        JsonNode head = api.get("north.witness", "/api/integrity").json();

        var byKey = api.post("chen.oversight", "/api/integrity/cosignatures", cosignature(head, CONFIGURED));
        var byUser = api.post("north.witness", "/api/integrity/cosignatures", cosignature(head, STRANGER));
        var again = api.post("north.witness", "/api/integrity/cosignatures", cosignature(head, STRANGER));

        assertThat(byKey.status()).as(byKey.body()).isEqualTo(201);
        assertThat(byKey.json().get("witness").asText()).isEqualTo("provincial-audit-office");
        assertThat(byUser.status()).as(byUser.body()).isEqualTo(201);
        assertThat(byUser.json().get("witness").asText()).isEqualTo("north.witness");
        assertThat(again.status()).isEqualTo(201);
        JsonNode published = api.get("chen.oversight", "/api/integrity").json();
        assertThat(published.get("treeSize").asLong()).isEqualTo(head.get("treeSize").asLong());
        assertThat(published.get("cosignatures").findValuesAsText("witness"))
                .containsExactlyInAnyOrder("provincial-audit-office", "north.witness");
        assertThat(published.get("cosignatures").findValuesAsText("keyId"))
                .contains(Ed25519Keys.keyId(CONFIGURED.getPublic()));
        assertThat(published.get("signing").get("stopped").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void the_access_log_has_its_own_head_which_a_witness_cosigns_as_an_access_log_head() {
        String caseId = registered();
        api.get("li.caseworker", "/api/cases/" + caseId);
        Await.until("the read under an access-log head", Duration.ofSeconds(30), () -> {
            JsonNode accessLog = api.get("north.witness", "/api/integrity").json().get("accessLog");
            return accessLog != null && accessLog.get("treeSize").asLong() > 0;
        });
        JsonNode head = api.get("north.witness", "/api/integrity").json().get("accessLog");
        Map<String, Object> asAccessLog = cosignature(head, CONFIGURED, MerkleLogKind.ACCESS_LOG);
        Map<String, Object> asEvents = cosignature(head, CONFIGURED, MerkleLogKind.EVENTS);
        asEvents.put("log", "access-log");

        var wrongMessage = api.post("north.witness", "/api/integrity/cosignatures", asEvents);
        var accepted = api.post("north.witness", "/api/integrity/cosignatures", asAccessLog);

        assertThat(wrongMessage.status()).as("an events head's message is no access-log head's").isEqualTo(400);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        JsonNode published = api.get("chen.oversight", "/api/integrity").json().get("accessLog");
        assertThat(published.get("cosignatures").findValuesAsText("witness")).contains("provincial-audit-office");
        var consistency = api.get("north.witness", "/api/integrity/consistency?log=access-log&from=0&to="
                + head.get("treeSize").asLong());
        assertThat(consistency.status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void a_cosignature_that_does_not_verify_or_comes_from_nobody_known_is_refused_and_nothing_is_kept() {
        registered();
        ProjectionsAwait.caughtUp(reconciliation);
        JsonNode head = api.get("north.witness", "/api/integrity").json();
        long kept = jdbc.queryForObject("SELECT count(*) FROM cosignature", Long.class);
        Map<String, Object> forged = cosignature(head, CONFIGURED);
        forged.put("signature", Base64.getEncoder().encodeToString(new byte[64]));
        Map<String, Object> otherRoot = cosignature(head, CONFIGURED);
        otherRoot.put("rootHash", "0".repeat(64));

        var badSignature = api.post("north.witness", "/api/integrity/cosignatures", forged);
        var noSuchHead = api.post("north.witness", "/api/integrity/cosignatures", otherRoot);
        var stranger = api.post("chen.oversight", "/api/integrity/cosignatures", cosignature(head, STRANGER));
        var caseworker = api.get("li.caseworker", "/api/integrity");
        var witnessReadsACase = api.get("north.witness", "/api/cases");

        assertThat(badSignature.status()).isEqualTo(400);
        assertThat(badSignature.json().get("rule").asText()).isEqualTo("bad-cosignature");
        assertThat(noSuchHead.status()).isEqualTo(400);
        assertThat(noSuchHead.json().get("rule").asText()).isEqualTo("no-such-tree-head");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().get("rule").asText()).isEqualTo("not-a-witness");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cosignature", Long.class)).isEqualTo(kept);
        assertThat(caseworker.status()).isEqualTo(403);
        assertThat(witnessReadsACase.status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void the_signer_refuses_a_history_its_owner_rewrote_names_the_changed_event_and_commands_go_on() {
        String caseId = registered();
        registered();
        ProjectionsAwait.caughtUp(reconciliation);
        long signedSize = api.get("chen.oversight", "/api/integrity").json().get("treeSize").asLong();
        long target = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId);

        new Tampering(jdbc).rewriteHistory(target);
        Await.until("the Merkle log rebuilt from the rewritten log", Duration.ofSeconds(30), () ->
                jdbc.queryForObject("SELECT count(*) FROM merkle_leaf", Long.class) >= signedSize);
        var afterRewrite = api.get("chen.oversight", "/api/integrity");
        var command = api.post("li.caseworker", "/api/cases/" + caseId + "/assessments",
                "{\"riskLevel\": \"GREEN\", \"factors\": [], \"summary\": \"良好\"}");
        JsonNode verify = api.get("ops.maintainer", "/api/integrity/verify").json();
        var health = api.get(null, "/actuator/health");
        String metrics = api.get("ops.maintainer", "/actuator/prometheus").body();

        // the table's heads are gone and the signer signs no new one over the rewritten tree
        assertThat(afterRewrite.status()).as(afterRewrite.body()).isEqualTo(503);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tree_head", Long.class)).isZero();
        assertThat(command.status()).as("commands are still recorded").isEqualTo(200);
        assertThat(verify.get("verified").asBoolean()).as(verify.toString()).isFalse();
        assertThat(verify.get("firstBadPosition").asLong()).as(verify.toString()).isEqualTo(target);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("components").get("treeHeadSigning").get("status").asText()).isEqualTo("DOWN");
        assertThat(health.json().get("components").get("treeHeadSigning").get("description").asText())
                .contains("signing stopped", "event " + target + " was changed");
        assertThat(metrics).contains("registry_integrity_signing_stopped{log=\"events\"} 1.0");
    }

    private String registered() {
        return api.post("li.caseworker", "/api/cases", Registrations.valid()).json().get("caseId").asText();
    }

    static Map<String, Object> cosignature(JsonNode head, KeyPair witness) {
        return Witness.cosignature(head, witness, MerkleLogKind.EVENTS);
    }

    static Map<String, Object> cosignature(JsonNode head, KeyPair witness, MerkleLogKind kind) {
        return Witness.cosignature(head, witness, kind);
    }

    static String pemFile(KeyPair keys) {
        try {
            Path file = Files.createTempFile("witness-", ".pem.pub");
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
