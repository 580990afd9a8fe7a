package org.childprotection.registry.api.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.testsupport.AccessLogTampering;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log's Merkle log as the running API keeps it: each read appended as a leaf and signed under an
 * access-log tree head without anyone asking, and GET /api/integrity/verify naming a changed access-log row.
 */
@RegistryApiTest
class AccessLogIntegrityApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_read_becomes_a_signed_leaf_of_the_access_log_and_verify_names_a_changed_access_log_row() throws Exception {
        String caseId = api.post("li.caseworker", "/api/cases", Registrations.valid()).json().get("caseId").asText();
        assertThat(api.get("chen.oversight", "/api/cases/" + caseId + "/history").status()).isEqualTo(200);
        long read = jdbc.queryForObject("SELECT max(id) FROM access_log WHERE case_id = ?", Long.class, caseId);
        Await.until("the read appended and under a signed access-log tree head", Duration.ofSeconds(30), () ->
                Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM access_merkle_leaf l "
                        + "JOIN access_tree_head h ON l.leaf_index < h.tree_size WHERE l.access_id = ?)",
                        Boolean.class, read)));

        JsonNode clean = api.get("ops.maintainer", "/api/integrity/verify").json();
        assertThat(clean.get("verified").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.at("/accessLog/verified").asBoolean()).isTrue();
        assertThat(clean.at("/accessLog/checkedEntries").asLong()).isPositive();
        assertThat(clean.at("/accessLog/firstBadPosition").isIntegralNumber()).isFalse();

        try (AutoCloseable undo = new AccessLogTampering(jdbc).change(read)) {
            JsonNode caught = api.get("ops.maintainer", "/api/integrity/verify").json();
            assertThat(caught.get("verified").asBoolean()).as(caught.toString()).isFalse();
            assertThat(caught.at("/accessLog/verified").asBoolean()).isFalse();
            assertThat(caught.at("/accessLog/firstBadPosition").asLong()).isEqualTo(read);
            assertThat(caught.at("/accessLog/detail").asText()).contains("changed");
            assertThat(caught.path("firstBadPosition").isIntegralNumber()).as("the event log is untouched").isFalse();
        }
    }
}
