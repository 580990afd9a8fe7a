package org.childprotection.registry.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.OPS;
import static org.childprotection.registry.api.support.CaseSteps.OTHER_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/**
 * A caseworker probing the cases of other villages is visible to oversight: each attempt on an existing case
 * outside the user's jurisdiction (404, or 403 where the role is refused anyway) is a security event naming the
 * user, role, address, case, method and path, while the answer stays exactly that of a case that does not exist.
 */
@RegistryApiTest
class JurisdictionProbeApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_caseworker_probing_a_case_of_another_village_is_recorded_and_answered_as_if_it_did_not_exist() {
        CaseSteps steps = new CaseSteps(api, jdbc);
        Case other = steps.reported(WANG, freshVillage(OTHER_TOWNSHIP));
        String missing = "no-such-case-" + other.id();

        ApiClient.Answer probe = api.get(LI, other.path());
        ApiClient.Answer nothing = api.get(LI, "/api/cases/" + missing);
        assertProblem(probe, 404, "case-not-found");
        assertProblem(nothing, 404, "case-not-found");
        assertThat(probe.body().replace(other.id(), "ID")).isEqualTo(nothing.body().replace(missing, "ID"));
        assertProblem(api.get(LI, other.path() + "/history"), 404, "case-not-found");
        assertProblem(steps.command(LI, other, "visits", CaseSteps.visit(CaseSteps.today())), 404, "case-not-found");
        assertProblem(steps.command(LI, other, "assignment", CaseSteps.assignment(LI)), 403, "role");
        assertProblem(api.get(OPS, other.path()), 403, "role");

        List<JsonNode> events = awaitEvents(other.id(), 5);
        assertThat(events).extracting(e -> e.get("kind").asText()).containsOnly("CASE_OUTSIDE_JURISDICTION");
        assertThat(events).extracting(e -> e.get("method").asText() + " " + e.get("path").asText() + " "
                + e.get("status").asInt()).containsExactlyInAnyOrder(
                "GET " + other.path() + " 404",
                "GET " + other.path() + "/history 404",
                "POST " + other.path() + "/visits 404",
                "POST " + other.path() + "/assignment 403",
                "GET " + other.path() + " 403");
        JsonNode first = events.stream().filter(e -> e.get("username").asText().equals(LI)).findFirst().orElseThrow();
        assertThat(first.get("role").asText()).isEqualTo("CASEWORKER");
        assertThat(first.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(first.get("caseId").asText()).isEqualTo(other.id());
        assertThat(first.get("occurredAt").asText()).isNotBlank();
        assertThat(first.get("requestId").asText()).isNotBlank();
        assertThat(events).filteredOn(e -> e.get("username").asText().equals(OPS)).singleElement()
                .satisfies(e -> assertThat(e.get("role").asText()).isEqualTo("MAINTAINER"));
        assertThat(total("?caseId=" + missing)).as("a case that does not exist is no probe").isZero();
    }

    @Test
    void attempts_within_the_jurisdiction_are_no_probes_even_when_refused() {
        CaseSteps steps = new CaseSteps(api, jdbc);
        Case own = steps.reported(LI, freshVillage(LI_TOWNSHIP));
        Case other = steps.reported(WANG, freshVillage(OTHER_TOWNSHIP));

        assertThat(api.get(LI, own.path()).status()).isEqualTo(200);
        assertProblem(steps.command(LI, own, "assignment", CaseSteps.assignment(LI)), 403, "role");
        assertThat(api.get(CHEN, other.path()).status()).as("oversight is nationwide").isEqualTo(200);
        assertThat(api.get(LI, other.path()).status()).isEqualTo(404);

        awaitEvents(other.id(), 1);
        assertThat(total("?caseId=" + own.id())).isZero();
        assertThat(total("?caseId=" + other.id() + "&username=" + CHEN)).isZero();
    }

    private List<JsonNode> awaitEvents(String caseId, int count) {
        Await.until(count + " security events of case " + caseId, Duration.ofSeconds(30),
                () -> total("?caseId=" + caseId) >= count);
        List<JsonNode> events = new ArrayList<>();
        api.get(CHEN, "/api/audit/security-events?kind=CASE_OUTSIDE_JURISDICTION&caseId=" + caseId).json()
                .get("items").forEach(events::add);
        assertThat(events).hasSize(count);
        return events;
    }

    private int total(String query) {
        return api.get(CHEN, "/api/audit/security-events" + query).json().get("total").asInt();
    }
}
