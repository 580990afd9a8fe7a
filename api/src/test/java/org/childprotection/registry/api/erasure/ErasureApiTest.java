package org.childprotection.registry.api.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.ZHAO;
import static org.childprotection.registry.api.support.CaseSteps.assertInvalid;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;
import static org.childprotection.registry.api.support.CaseSteps.erasure;
import static org.childprotection.registry.api.support.CaseSteps.erasureDecision;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/**
 * docs/erasure.md through HTTP: a supervisor asks, somebody else decides; the approval destroys the case's key in
 * its own transaction, and from then on the case file and the history show every personal field as erased while
 * what was done, by whom and when stays. Refusals write nothing.
 */
@RegistryApiTest
class ErasureApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseSteps steps;

    @Test
    void an_approved_erasure_leaves_the_audit_trail_whole_and_every_personal_field_erased() {
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        long requested = steps.ok(WANG, closed, "erasure", erasure("COURT_ORDER")).get("version").asLong();
        JsonNode pending = steps.readYourWrites(WANG, closed, requested);
        assertThat(pending.get("erasure").get("basis").asText()).isEqualTo("COURT_ORDER");
        assertThat(pending.get("erasure").get("requestedBy").asText()).isEqualTo(WANG);
        assertThat(pending.get("erased").asBoolean()).isFalse();
        JsonNode asked = steps.history(WANG, closed).get((int) requested);
        assertThat(asked.get("reason").asText()).as("readable until the erasure").contains("法院裁定书");

        long approved = steps.ok(CHEN, closed.at(requested), "erasure/decision", erasureDecision(true))
                .get("version").asLong();

        JsonNode file = steps.readYourWrites(WANG, closed, approved);
        assertThat(file.get("erased").asBoolean()).isTrue();
        assertThat(erased(file.get("erasure"))).isTrue();
        assertThat(file.get("status").asText()).isEqualTo("CLOSED");
        assertThat(file.hasNonNull("closedAt")).isTrue();
        assertThat(file.get("villageCode").asText()).isEqualTo(closed.village());
        for (String personal : new String[]{"/child/name", "/child/idNumber", "/child/dateOfBirth", "/child/school",
                "/father/workLocation", "/caregiver/name"}) {
            assertThat(erased(file.at(personal))).as(personal).isTrue();
        }
        assertThat(file.at("/child/sex").asText()).isEqualTo("M");
        assertThat(jdbc.queryForObject("SELECT child_name FROM case_file WHERE case_id = ?", String.class, closed.id()))
                .isNull();
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL AND destroyed_at IS NOT NULL FROM case_key "
                + "WHERE case_id = ?", Boolean.class, closed.id())).isTrue();

        JsonNode history = steps.history(CHEN, closed);
        assertThat(history).hasSize((int) approved + 1);
        JsonNode registration = history.get(0);
        assertThat(registration.get("type").asText()).isEqualTo("ChildRegistered");
        assertThat(registration.get("actor").get("username").asText()).isEqualTo(LI);
        assertThat(erased(registration.at("/data/child/name"))).isTrue();
        assertThat(erased(registration.at("/data/report/description"))).isTrue();
        assertThat(registration.at("/data/child/villageCode").asText()).isEqualTo(closed.village());
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("ErasureApproved");
        assertThat(last.get("actor").get("username").asText()).isEqualTo(CHEN);
        assertThat(last.at("/data/approvedBy").asText()).isEqualTo(CHEN);
        assertThat(erased(last.at("/data/note"))).isTrue();
        JsonNode request = history.get(history.size() - 2);
        assertThat(request.get("type").asText()).isEqualTo("ErasureRequested");
        assertThat(request.at("/data/basis").asText()).isEqualTo("COURT_ORDER");
        assertThat(erased(request.at("/data/reason"))).isTrue();
        assertThat(erased(request.get("reason"))).as("the command's reason, in the metadata").isTrue();
    }

    @Test
    void an_erased_case_takes_no_more_commands() {
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        long requested = steps.ok(WANG, closed, "erasure", erasure("RETENTION_EXPIRED")).get("version").asLong();
        Case erased = closed.at(steps.ok(ZHAO, closed.at(requested), "erasure/decision", erasureDecision(true))
                .get("version").asLong());
        long events = steps.events();

        assertProblem(steps.command(WANG, erased, "reopening", JSON.createObjectNode().put("reason", "重新立案")),
                409, "case-erased");
        assertProblem(steps.command(WANG, erased, "erasure", erasure("COURT_ORDER")), 409, "case-erased");
        assertThat(steps.events()).isEqualTo(events);
    }

    @Test
    void a_case_registered_in_error_is_closed_and_erased_by_the_approval() {
        Case open = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        long requested = steps.ok(WANG, open, "erasure", erasure("REGISTERED_IN_ERROR")).get("version").asLong();

        long approved = steps.ok(ZHAO, open.at(requested), "erasure/decision", erasureDecision(true))
                .get("version").asLong();

        assertThat(approved).as("the closure and the erasure").isEqualTo(requested + 2);
        JsonNode file = steps.readYourWrites(LI, open, approved);
        assertThat(file.get("status").asText()).isEqualTo("CLOSED");
        assertThat(file.get("erased").asBoolean()).isTrue();
        assertThat(erased(file.at("/child/name"))).isTrue();
    }

    @Test
    void a_declined_erasure_changes_nothing_of_the_child() {
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        long requested = steps.ok(WANG, closed, "erasure", erasure("REQUEST_AT_MAJORITY")).get("version").asLong();

        long declined = steps.ok(ZHAO, closed.at(requested), "erasure/decision", erasureDecision(false)).get("version")
                .asLong();

        JsonNode file = steps.readYourWrites(WANG, closed, declined);
        assertThat(file.get("erased").asBoolean()).isFalse();
        assertThat(erased(file.get("erasure"))).isTrue();
        assertThat(file.at("/child/name").asText()).isNotBlank();
        assertThat(steps.history(WANG, closed).get(0).at("/data/child/name").asText()).isNotBlank();
    }

    @Test
    void the_requester_may_not_decide_and_nothing_is_written() {
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        Case requested = closed.at(steps.ok(WANG, closed, "erasure", erasure("COURT_ORDER")).get("version").asLong());
        long events = steps.events();

        assertProblem(steps.command(WANG, requested, "erasure/decision", erasureDecision(true)), 409, "four-eyes");
        assertThat(steps.events()).isEqualTo(events);
        assertThat(steps.file(WANG, requested).get("erased").asBoolean()).isFalse();
    }

    @Test
    void only_a_closed_case_is_erased_unless_registered_in_error_and_only_a_supervisor_asks() {
        Case open = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        long events = steps.events();

        assertProblem(steps.command(WANG, open, "erasure", erasure("COURT_ORDER")), 409, "erasure-needs-closed-case");
        assertProblem(steps.command(LI, open, "erasure", erasure("REGISTERED_IN_ERROR")), 403, null);
        assertProblem(steps.command(CHEN, open, "erasure", erasure("REGISTERED_IN_ERROR")), 403, null);
        assertProblem(steps.command(LI, open, "erasure/decision", erasureDecision(true)), 403, null);
        assertProblem(steps.command(ZHAO, open, "erasure/decision", erasureDecision(true)), 409, "no-erasure-request");
        assertThat(steps.events()).isEqualTo(events);
    }

    @Test
    void a_request_without_a_known_basis_or_a_reason_is_invalid_and_writes_nothing() {
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        long events = steps.events();

        assertInvalid(steps.command(WANG, closed, "erasure", JSON.createObjectNode().put("reason", "x")),
                "invalid-input", "basis");
        assertProblem(steps.command(WANG, closed, "erasure", erasure("BECAUSE")), 400, null);
        assertInvalid(steps.command(WANG, closed, "erasure", JSON.createObjectNode().put("basis", "COURT_ORDER")),
                "invalid-input", "reason");
        assertInvalid(steps.command(ZHAO, closed, "erasure/decision", JSON.createObjectNode().put("note", "?")),
                "invalid-input", "approve");
        assertThat(steps.events()).isEqualTo(events);
    }

    /** An erased field: null in the log's JSON, left out of the API's answers (which omit nulls). */
    private static boolean erased(JsonNode field) {
        return field == null || field.isMissingNode() || field.isNull();
    }
}
