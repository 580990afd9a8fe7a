package org.childprotection.registry.api.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.Rfc9162Verifier;
import org.childprotection.registry.testsupport.Tampering;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tamper evidence through the API: signed tree heads, proofs checked by an independent verifier, tamper detection. */
@RegistryApiTest
class IntegrityApiTest {

    static final HexFormat HEX = HexFormat.of();

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reconciliation reconciliation;

    @Test
    void the_tree_head_is_signed_and_every_event_of_a_case_is_proven_included_and_heads_are_consistent() throws Exception {
        String caseId = registered();
        JsonNode first = api.get("chen.oversight", "/api/integrity").json();
        assertSigned(first);

        String other = registered();
        api.post("li.caseworker", "/api/cases/" + other + "/assessments",
                "{\"riskLevel\": \"GREEN\", \"factors\": [], \"summary\": \"良好\"}");
        ProjectionsAwait.caughtUp(reconciliation);
        var proof = api.get("chen.oversight", "/api/cases/" + caseId + "/proof");
        JsonNode second = api.get("ops.maintainer", "/api/integrity").json();

        assertThat(proof.status()).isEqualTo(200);
        JsonNode body = proof.json();
        assertThat(body.get("treeSize").asLong()).isGreaterThan(first.get("treeSize").asLong());
        byte[] root = HEX.parseHex(body.get("rootHash").asText());
        JsonNode history = api.get("chen.oversight", "/api/cases/" + caseId + "/history").json().get("events");
        assertThat(body.get("proofs")).hasSize(history.size());
        for (JsonNode inclusion : body.get("proofs")) {
            List<byte[]> path = new ArrayList<>();
            inclusion.get("auditPath").forEach(h -> path.add(HEX.parseHex(h.asText())));
            assertThat(Rfc9162Verifier.verifyInclusion(inclusion.get("leafIndex").asLong(), body.get("treeSize").asLong(),
                    HEX.parseHex(inclusion.get("leafHash").asText()), path, root)).as(inclusion.toString()).isTrue();
        }
        assertThat(history.findValuesAsText("leafHash"))
                .containsExactlyElementsOf(body.get("proofs").findValuesAsText("leafHash"));

        assertSigned(second);
        long from = first.get("treeSize").asLong();
        long to = second.get("treeSize").asLong();
        JsonNode consistency = api.get("chen.oversight", "/api/integrity/consistency?from=" + from + "&to=" + to).json();
        List<byte[]> proofPath = new ArrayList<>();
        consistency.get("proof").forEach(h -> proofPath.add(HEX.parseHex(h.asText())));
        assertThat(Rfc9162Verifier.verifyConsistency(from, to, HEX.parseHex(first.get("rootHash").asText()),
                HEX.parseHex(second.get("rootHash").asText()), proofPath)).isTrue();
        assertThat(api.get("chen.oversight", "/api/integrity/consistency?from=" + to + "&to=" + from).status())
                .isEqualTo(400);
        assertThat(api.get("chen.oversight", "/api/integrity/verify").json().get("verified").asBoolean()).isTrue();
    }

    @Test
    void each_way_of_tampering_is_detected_at_its_position_and_the_append_only_trigger_refuses_changes() throws Exception {
        registered();
        registered();
        ProjectionsAwait.caughtUp(reconciliation);
        api.get("chen.oversight", "/api/integrity");
        List<Long> logged = jdbc.queryForList("SELECT global_index FROM merkle_leaf ORDER BY leaf_index", Long.class);
        long target = logged.get(logged.size() - 3);
        Tampering tampering = new Tampering(jdbc);

        assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET type = 'x' WHERE global_index = ?", target))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", target))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        try (AutoCloseable undo = tampering.change(target)) {
            assertDetectedAt(target, "changed");
        }
        assertVerified();
        try (AutoCloseable undo = tampering.delete(target)) {
            assertDetectedAt(target, "deleted");
        }
        assertVerified();
        long forged = tampering.insertAfter(target);
        try (AutoCloseable undo = tampering.undoInsert(forged)) {
            assertDetectedAt(forged, "inserted");
        }
        assertVerified();
        long next = logged.get(logged.size() - 2);
        try (AutoCloseable undo = tampering.swap(target, next)) {
            assertDetectedAt(target, "out of its place");
        }
        assertVerified();
    }

    @Test
    void only_oversight_and_maintainers_read_integrity_and_only_oversight_case_proofs() {
        String caseId = registered();
        assertThat(api.get("li.caseworker", "/api/integrity").status()).isEqualTo(403);
        assertThat(api.get("wang.supervisor", "/api/integrity/verify").status()).isEqualTo(403);
        assertThat(api.get("ops.maintainer", "/api/cases/" + caseId + "/proof").status()).isEqualTo(403);
        assertThat(api.get("li.caseworker", "/api/cases/" + caseId + "/proof").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/integrity").status()).isEqualTo(401);
    }

    private void assertDetectedAt(long position, String what) {
        JsonNode result = api.get("ops.maintainer", "/api/integrity/verify").json();
        assertThat(result.get("verified").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.get("firstBadPosition").asLong()).as(result.toString()).isEqualTo(position);
        assertThat(result.get("detail").asText()).contains(what);
    }

    private void assertVerified() {
        JsonNode result = api.get("ops.maintainer", "/api/integrity/verify").json();
        assertThat(result.get("verified").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("checkedEvents").asLong()).isPositive();
    }

    private String registered() {
        return api.post("li.caseworker", "/api/cases", Registrations.valid()).json().get("caseId").asText();
    }

    /** Checks the signature as documented, with the JDK's Ed25519 and the key the API publishes. */
    private static void assertSigned(JsonNode head) throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(head.get("publicKey").asText())));
        String message = "child-protection-registry/tree-head/v1\n" + head.get("treeSize").asLong() + "\n"
                + head.get("rootHash").asText() + "\n" + head.get("timestamp").asText();
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(key);
        ed25519.update(message.getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(head.get("signature").asText()))).isTrue();
        assertThat(head.get("rootHash").asText()).matches("[0-9a-f]{64}");
        assertThat(head.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }
}
