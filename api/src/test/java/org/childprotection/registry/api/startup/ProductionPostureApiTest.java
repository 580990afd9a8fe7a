package org.childprotection.registry.api.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.childprotection.registry.api.RegistryApplication;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry as a site runs it, without the demo profile: a login in registry_app on a schema its owner migrated,
 * {bcrypt} users, an installed key, TLS at a proxy. A caseworker's day over real HTTP, the oversight's and the
 * maintainer's reads, and the Merkle log signing its heads: every part of the API works with that login's rights.
 */
class ProductionPostureApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static ProductionSite site;
    static ConfigurableApplicationContext registry;
    static String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        site = new ProductionSite();
        registry = new SpringApplicationBuilder(RegistryApplication.class).run(site.arguments().toArray(String[]::new));
        base = "http://127.0.0.1:" + registry.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        site.close();
    }

    @Test
    void a_caseworkers_day_and_the_integrity_of_the_log_work_with_the_api_roles_rights() throws Exception {
        assertThat(Files.getPosixFilePermissions(site.keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        HttpResponse<String> registered = send(ProductionSite.CASEWORKER, "POST", "/api/cases",
                Registrations.valid().put("reason", "school report"), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String caseId = JSON.readTree(registered.body()).get("caseId").asText();
        String cases = "/api/cases/" + caseId;

        HttpResponse<String> assessed = send(ProductionSite.CASEWORKER, "POST", cases + "/assessments",
                CaseSteps.assessment("YELLOW"), "assess-1");
        assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
        HttpResponse<String> again = send(ProductionSite.CASEWORKER, "POST", cases + "/assessments",
                CaseSteps.assessment("YELLOW"), "assess-1");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        HttpResponse<String> visited = send(ProductionSite.CASEWORKER, "POST", cases + "/visits",
                CaseSteps.visit(CaseSteps.today()), null);
        assertThat(visited.statusCode()).as(visited.body()).isEqualTo(200);

        HttpResponse<String> file = send(ProductionSite.CASEWORKER, "GET", cases, null, null);
        assertThat(file.statusCode()).isEqualTo(200);
        JsonNode caseFile = JSON.readTree(file.body());
        assertThat(caseFile.get("riskLevel").asText()).isEqualTo("YELLOW");
        HttpResponse<String> history = send(ProductionSite.CASEWORKER, "GET", cases + "/history", null, null);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("RiskAssessed", "HomeVisitRecorded");

        // the reads went to the append-only access log, which oversight reads
        HttpResponse<String> accessLog = send(ProductionSite.OVERSIGHT, "GET", "/api/audit/access-log?caseId=" + caseId,
                null, null);
        assertThat(accessLog.statusCode()).isEqualTo(200);
        assertThat(accessLog.body()).contains(ProductionSite.CASEWORKER);

        // the Merkle log took in every event and a head is signed with the installed key; the whole log verifies
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> head = send(ProductionSite.OVERSIGHT, "GET", "/api/integrity", null, null);
            return head.statusCode() == 200 && JSON.readTree(head.body()).path("treeSize").asLong() >= 4;
        });
        HttpResponse<String> verified = send(ProductionSite.MAINTAINER, "GET", "/api/integrity/verify", null, null);
        assertThat(JSON.readTree(verified.body()).get("verified").asBoolean()).as(verified.body()).isTrue();
        HttpResponse<String> processors = send(ProductionSite.MAINTAINER, "GET", "/api/processors", null, null);
        assertThat(processors.statusCode()).isEqualTo(200);
        assertThat(processors.body()).contains("merkle-log");

        // and the login it did all this with could not have rewritten the log
        try (Connection connection = site.app.connect(site.owner.url())) {
            var rows = connection.createStatement().executeQuery(
                    "SELECT has_table_privilege('domain_event_entry', 'UPDATE') OR has_table_privilege('domain_event_entry', 'DELETE')"
                            + " OR has_table_privilege('domain_event_entry', 'TRUNCATE')");
            rows.next();
            assertThat(rows.getBoolean(1)).isFalse();
        }
    }

    private HttpResponse<String> send(String user, String method, String path, JsonNode body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + site.password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
