package org.childprotection.registry.api.docs;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryApiTest
class OpenApiAndActuatorTest {

    static final List<String> COMMAND_PATHS = List.of("/api/cases", "/api/cases/{caseId}/assessments",
            "/api/cases/{caseId}/assignment", "/api/cases/{caseId}/guardian", "/api/cases/{caseId}/visits",
            "/api/cases/{caseId}/parental-contacts", "/api/cases/{caseId}/referrals",
            "/api/cases/{caseId}/referrals/{referralId}/outcome", "/api/cases/{caseId}/emergency",
            "/api/cases/{caseId}/interventions", "/api/cases/{caseId}/interventions/{interventionId}/decision",
            "/api/cases/{caseId}/closure", "/api/cases/{caseId}/closure/decision", "/api/cases/{caseId}/reopening",
            "/api/cases/{caseId}/transfer", "/api/cases/{caseId}/transfer/decision", "/api/cases/{caseId}/corrections");
    static final List<String> QUERY_PATHS = List.of("/api/cases", "/api/cases/{caseId}",
            "/api/cases/{caseId}/history", "/api/audit/events", "/api/audit/access-log", "/api/audit/security-events",
            "/api/statistics", "/api/transfers");

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    /** Registration answers 201 and names no case yet (no 404, no If-Match); a command on a case may meet both. */
    @Test
    void the_openapi_document_describes_every_endpoint_with_its_body_and_the_answers_it_gives() {
        var docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");

        for (String path : COMMAND_PATHS) {
            JsonNode post = paths.at(pointer(path) + "/post");
            assertThat(post.isMissingNode()).as(path).isFalse();
            assertThat(post.at("/requestBody/content/application~1json/schema").isMissingNode()).as(path).isFalse();
            List<String> problems = path.equals("/api/cases")
                    ? List.of("400", "401", "403", "406", "409", "413", "415", "422", "429", "503")
                    : List.of("400", "401", "403", "404", "406", "409", "412", "413", "415", "422", "429", "503");
            for (String status : problems) {
                assertThat(post.at("/responses/" + status + "/content/application~1problem+json").isMissingNode())
                        .as(path + " " + status).isFalse();
            }
            List<String> statuses = new ArrayList<>(problems);
            statuses.add(path.equals("/api/cases") ? "201" : "200");
            assertThat(post.get("responses").fieldNames()).toIterable().as(path)
                    .containsExactlyInAnyOrderElementsOf(statuses);
        }
        for (String path : QUERY_PATHS) {
            assertThat(paths.at(pointer(path) + "/get/responses/200").isMissingNode()).as(path).isFalse();
        }
        assertThat(paths.has("/error")).as("the container's error page is no operation").isFalse();
        assertThat(docs.json().at("/components/schemas/HistoryEntry/properties/data/type").asText()).isEqualTo("object");
        assertThat(docs.json().at("/components/schemas/TrailEntry/properties/data/type").asText()).isEqualTo("object");
        assertThat(docs.json().at("/components/schemas/Problem/properties/errors").isMissingNode()).isFalse();
        assertThat(paths.at("/~1api~1me/get/responses/429/headers/Retry-After").isMissingNode())
                .as("a throttled sign-in says when to try again").isFalse();
        assertThat(api.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void health_includes_the_database_and_prometheus_shows_processor_lag_to_maintainers_only() {
        var health = api.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");

        var metrics = api.get("ops.maintainer", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("registry_processor_lag_events{processor=\"merkle-log\"}")
                .doesNotContain("registry_dead_letters");
        assertThat(api.get("li.caseworker", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void maintainers_see_every_processors_segments_and_lag() {
        ProjectionsAwait.segmentsClaimed(jdbc, "merkle-log");
        var processors = api.get("ops.maintainer", "/api/processors");
        assertThat(processors.status()).isEqualTo(200);
        assertThat(processors.json().findValuesAsText("name")).as("projections are applied by the commands")
                .containsExactly("merkle-log");
        assertThat(processors.json().get(0).get("segments")).isNotEmpty();
        assertThat(processors.json().get(0).get("segments").get(0).has("owner")).isTrue();
        assertThat(api.get("chen.oversight", "/api/processors").status()).isEqualTo(403);
    }

    private static String pointer(String path) {
        return "/" + path.replace("~", "~0").replace("/", "~1");
    }
}
