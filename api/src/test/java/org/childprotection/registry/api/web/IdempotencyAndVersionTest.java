package org.childprotection.registry.api.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key and If-Match through the API (docs/api.md "Headers of a command"). */
@RegistryApiTest
class IdempotencyAndVersionTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_repeated_registration_with_the_same_key_and_body_returns_the_first_answer_and_writes_nothing() {
        ObjectNode body = Registrations.valid();
        var first = post("li.caseworker", "/api/cases", body.toString(), "reg-key-1", null);
        long events = count();

        var repeat = post("li.caseworker", "/api/cases", body.toString(), "reg-key-1", null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count()).isEqualTo(events);
    }

    @Test
    void the_same_key_with_another_body_is_422_and_writes_nothing() {
        var first = post("li.caseworker", "/api/cases", Registrations.valid().toString(), "reg-key-2", null);
        long events = count();
        ObjectNode other = Registrations.valid();
        other.with("child").put("name", "王小红");

        var reused = post("li.caseworker", "/api/cases", other.toString(), "reg-key-2", null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reused.json().get("rule").asText()).isEqualTo("idempotency-key-reused");
        assertThat(count()).isEqualTo(events);
    }

    @Test
    void a_request_the_guard_refuses_does_not_spend_its_key() {
        ObjectNode nul = Registrations.valid();
        nul.with("child").put("name", "王\u0000明");

        var refused = post("li.caseworker", "/api/cases", nul.toString(), "reg-key-3", null);
        var corrected = post("li.caseworker", "/api/cases", Registrations.valid().toString(), "reg-key-3", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void keys_belong_to_their_user_and_a_refused_first_answer_is_replayed_too() {
        String caseId = api.post("wang.supervisor", "/api/cases", Registrations.valid()).json().get("caseId").asText();
        String closure = "{\"reason\": \"PARENTS_RETURNED\"}";
        var refused = post("li.caseworker", "/api/cases/" + caseId + "/closure", closure, "close-1", null);
        var repeat = post("li.caseworker", "/api/cases/" + caseId + "/closure", closure, "close-1", null);
        var otherUser = post("wang.supervisor", "/api/cases/" + caseId + "/closure", closure, "close-1", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.body()).isEqualTo(refused.body());
        assertThat(otherUser.status()).as("another user's key is another key").isEqualTo(409);
        assertThat(otherUser.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void if_match_with_the_current_version_is_carried_out_and_a_stale_one_is_412_writing_nothing() {
        String caseId = api.post("li.caseworker", "/api/cases", Registrations.valid()).json().get("caseId").asText();
        String etag = api.get("li.caseworker", "/api/cases/" + caseId).header("ETag");
        String assessment = "{\"riskLevel\": \"GREEN\", \"factors\": [], \"summary\": \"情况良好\"}";

        var current = post("li.caseworker", "/api/cases/" + caseId + "/assessments", assessment, null, etag);
        long events = count();
        var stale = post("li.caseworker", "/api/cases/" + caseId + "/assessments", assessment, null, etag);
        var malformed = post("li.caseworker", "/api/cases/" + caseId + "/assessments", assessment, null, "yesterday");

        assertThat(current.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("rule").asText()).isEqualTo("stale-version");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(count()).isEqualTo(events);
        assertThat(api.get("li.caseworker", "/api/cases/" + caseId).header("ETag"))
                .isEqualTo("\"" + current.json().get("version").asLong() + "\"");
    }

    @Test
    void a_body_over_64_kib_is_413_and_another_media_type_415_and_nothing_is_written() {
        String caseId = api.post("li.caseworker", "/api/cases", Registrations.valid()).json().get("caseId").asText();
        long events = count();
        String huge = "{\"riskLevel\": \"GREEN\", \"summary\": \"" + "很".repeat(30_000) + "\"}";

        var tooLarge = post("li.caseworker", "/api/cases/" + caseId + "/assessments", huge, null, null);
        var wrongType = api.send(api.request("li.caseworker", "/api/cases/" + caseId + "/assessments")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<assessment/>")));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.header("Content-Type")).startsWith("application/problem+json");
        assertThat(count()).isEqualTo(events);
    }

    private ApiClient.Answer post(String user, String path, String body, String key, String ifMatch) {
        HttpRequest.Builder request = api.request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
