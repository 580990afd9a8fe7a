package org.childprotection.registry.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.readmodel.RunLock;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.SUN;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.ZHAO;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/**
 * Retention (docs/erasure.md): with every closed case due at once ({@code P0D}) and the registry filing the
 * requests itself, a closed case is listed as due to its jurisdiction's supervisors and to oversight, requested once
 * by {@code system}, and erased only when a person approves; an open case is never due.
 */
@RegistryApiTest
@TestPropertySource(properties = {"registry.privacy.retention=P0D", "registry.privacy.auto-request=true",
        "registry.privacy.auto-request-interval=PT0.3S"})
class RetentionApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    CaseSteps steps;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ErasureRequestsOnRetention requests;

    @Test
    void a_closed_case_is_due_requested_once_by_the_registry_and_erased_when_a_person_approves() {
        Case open = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));

        Await.until("the registry's own erasure request", Duration.ofSeconds(20), () ->
                steps.file(WANG, closed).path("erasure").path("requestedBy").asText().equals("system"));
        JsonNode due = api.get(WANG, "/api/privacy/due?size=200").json();
        JsonNode item = find(due, closed.id());
        assertThat(item).as(due.toString()).isNotNull();
        assertThat(item.get("villageCode").asText()).isEqualTo(closed.village());
        assertThat(item.get("rules")).extracting(JsonNode::asText).containsExactly("after-closure");
        assertThat(item.get("erasureRequested").asBoolean()).isTrue();
        assertThat(item.hasNonNull("closedAt")).isTrue();
        assertThat(item.get("dueOn").asText()).isEqualTo(CaseSteps.today().toString());
        assertThat(find(due, open.id())).as("an open case is never due").isNull();
        assertThat(find(api.get(CHEN, "/api/privacy/due?size=200").json(), closed.id())).isNotNull();
        assertThat(find(api.get(SUN, "/api/privacy/due?size=200").json(), closed.id()))
                .as("outside the jurisdiction").isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE resource = 'PRIVACY_DUE' "
                + "AND username = ? AND ? = ANY (case_ids)", Long.class, WANG, closed.id())).isPositive();

        Await.aged(Duration.ofSeconds(1));
        JsonNode history = steps.history(WANG, closed);
        assertThat(history.findValuesAsText("type").stream().filter("ErasureRequested"::equals)).hasSize(1);
        assertThat(history.get(history.size() - 1).at("/data/basis").asText()).isEqualTo("RETENTION_EXPIRED");
        assertThat(steps.file(WANG, closed).get("erased").asBoolean()).as("no person has decided").isFalse();

        steps.ok(ZHAO, closed.at(history.size() - 1), "erasure/decision", CaseSteps.erasureDecision(true));
        assertThat(steps.file(WANG, closed).get("erased").asBoolean()).isTrue();
        assertThat(find(api.get(WANG, "/api/privacy/due?size=200").json(), closed.id()))
                .as("an erased case is due no more").isNull();
    }

    @Test
    void while_another_node_files_the_requests_this_one_files_none() {
        final Case closed;
        try (RunLock otherNode = RunLock.acquire(dataSource, ErasureRequestsOnRetention.LOCK)) {
            assertThat(otherNode).isNotNull();
            closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
            JsonNode item = find(api.get(WANG, "/api/privacy/due?size=200").json(), closed.id());
            assertThat(item).isNotNull();
            assertThat(item.get("erasureRequested").asBoolean()).isFalse();
            assertThat(requests.fileRequests()).isZero();
            Await.aged(Duration.ofSeconds(1));
            assertThat(steps.file(WANG, closed).path("erasure").isObject()).as("nobody filed it").isFalse();
        }
        Await.until("the request once the lock is free", Duration.ofSeconds(20), () ->
                steps.file(WANG, closed).path("erasure").path("requestedBy").asText().equals("system"));
    }

    @Test
    void only_supervisors_and_oversight_read_the_due_list_and_its_page_is_checked() {
        assertProblem(api.get(LI, "/api/privacy/due"), 403, null);
        assertProblem(api.get("ops.maintainer", "/api/privacy/due"), 403, null);
        assertProblem(api.get(WANG, "/api/privacy/due?size=0"), 400, "invalid-input");
        assertThat(api.get(CHEN, "/api/privacy/due").json().get("size").asInt()).isEqualTo(50);
    }

    private static JsonNode find(JsonNode page, String caseId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("caseId").asText().equals(caseId)) {
                return item;
            }
        }
        return null;
    }
}
