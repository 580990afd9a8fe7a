package org.childprotection.registry.api.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.OTHER_COUNTY_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.OTHER_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.RECEIVING_COUNTY_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.SUN;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.ZHAO;
import static org.childprotection.registry.api.support.CaseSteps.assertInvalid;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/**
 * Transfers in two steps (docs/api.md "Transfers"): the sending side requests, the receiving side, which cannot read
 * the case file yet, lists what awaits it and accepts or declines; only acceptance moves the case.
 */
@RegistryApiTest
class TransferApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseSteps steps;

    @Test
    void the_receiving_side_sees_the_request_without_the_child_and_on_acceptance_takes_the_case_unassigned() {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        String destination = freshVillage(RECEIVING_COUNTY_TOWNSHIP);

        Case requested = c.at(steps.ok(WANG, c, "transfer", CaseSteps.transfer(destination)).get("version").asLong());

        JsonNode file = steps.file(LI, requested);
        assertThat(file.get("villageCode").asText()).isEqualTo(c.village());
        assertThat(file.get("caseworker").asText()).isEqualTo(LI);
        assertThat(file.at("/pendingTransfer/toVillageCode").asText()).isEqualTo(destination);
        assertThat(file.at("/pendingTransfer/requestedBy").asText()).isEqualTo(WANG);
        assertProblem(api.get(SUN, c.path()), 404, "case-not-found");
        JsonNode incoming = pending(SUN, "incoming", c.id());
        assertThat(incoming.get("fromVillageCode").asText()).isEqualTo(c.village());
        assertThat(incoming.get("toVillageCode").asText()).isEqualTo(destination);
        assertThat(incoming.get("reason").asText()).isEqualTo("child moved to grandparents");
        assertThat(incoming.get("requestedBy").asText()).isEqualTo(WANG);
        assertThat(incoming.get("riskLevel").asText()).isEqualTo("GREEN");
        assertThat(incoming.has("child")).as("nothing of the child before acceptance").isFalse();
        assertThat(pending(WANG, "outgoing", c.id()).get("toVillageCode").asText()).isEqualTo(destination);
        assertThat(ids(WANG, "incoming")).doesNotContain(c.id());
        assertThat(ids(SUN, "outgoing")).doesNotContain(c.id());

        JsonNode accepted = steps.ok(SUN, requested, "transfer/decision", CaseSteps.transferDecision(true));

        Case moved = new Case(c.id(), accepted.get("version").asLong(), destination);
        JsonNode taken = steps.readYourWrites(SUN, moved, requested.version() + 1);
        assertThat(taken.get("villageCode").asText()).isEqualTo(destination);
        assertThat(taken.hasNonNull("caseworker")).isFalse();
        assertThat(taken.hasNonNull("pendingTransfer")).isFalse();
        assertProblem(api.get(WANG, c.path()), 404, "case-not-found");
        assertProblem(api.get(LI, c.path()), 404, "case-not-found");
        assertThat(ids(SUN, "incoming")).doesNotContain(c.id());
        assertThat(ids(WANG, "outgoing")).doesNotContain(c.id());
        assertThat(api.get(SUN, "/api/statistics?villageCode=" + destination).json().at("/openCasesPerCaseworker/UNASSIGNED")
                .asLong()).isEqualTo(1);

        long events = steps.events();
        assertInvalid(steps.command(SUN, moved, "assignment", CaseSteps.assignment(LI)), "caseworker-jurisdiction",
                "caseworker");
        assertThat(steps.events()).as("the sending side's caseworker does not work there").isEqualTo(events);
        steps.ok(SUN, moved, "assignment", CaseSteps.assignment(SUN));
        assertThat(steps.file(SUN, moved).get("caseworker").asText()).isEqualTo(SUN);
        List<String> types = new ArrayList<>();
        steps.history(CHEN, moved).forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).endsWith("TransferRequested", "TransferAccepted", "CaseworkerAssigned");
        assertThat(api.get(CHEN, "/api/audit/events?villageCode=" + destination).json().at("/items/0/type").asText())
                .isEqualTo("TransferAccepted");
    }

    @Test
    void a_declined_transfer_leaves_the_case_where_it_was_and_it_may_be_requested_again() {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        Case requested = c.at(steps.ok(WANG, c, "transfer",
                CaseSteps.transfer(freshVillage(RECEIVING_COUNTY_TOWNSHIP))).get("version").asLong());

        steps.ok(SUN, requested, "transfer/decision", CaseSteps.transferDecision(false));

        JsonNode file = steps.file(LI, c);
        assertThat(file.get("villageCode").asText()).isEqualTo(c.village());
        assertThat(file.get("caseworker").asText()).isEqualTo(LI);
        assertThat(file.hasNonNull("pendingTransfer")).isFalse();
        assertThat(ids(SUN, "incoming")).doesNotContain(c.id());
        assertProblem(steps.command(SUN, c, "transfer/decision", CaseSteps.transferDecision(true)), 404,
                "case-not-found");
        steps.ok(ZHAO, c, "transfer", CaseSteps.transfer(freshVillage(OTHER_TOWNSHIP)));
    }

    @Test
    void one_transfer_at_a_time_and_never_decided_by_its_requester_nor_by_the_sending_side() {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        steps.ok(ZHAO, c, "transfer", CaseSteps.transfer(freshVillage(RECEIVING_COUNTY_TOWNSHIP)));
        long events = steps.events();

        assertProblem(steps.command(WANG, c, "transfer", CaseSteps.transfer(freshVillage(OTHER_TOWNSHIP))), 409,
                "transfer-already-requested");
        assertProblem(steps.command(ZHAO, c, "transfer/decision", CaseSteps.transferDecision(true)), 403,
                "receiving-side");
        assertProblem(steps.command(WANG, c, "transfer/decision", CaseSteps.transferDecision(false)), 403,
                "receiving-side");
        assertProblem(steps.command(SUN, c, "assignment", CaseSteps.assignment(SUN)), 404, "case-not-found");
        assertThat(steps.events()).isEqualTo(events);

        Case within = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        steps.ok(ZHAO, within, "transfer", CaseSteps.transfer(freshVillage(OTHER_TOWNSHIP)));
        long before = steps.events();
        assertProblem(steps.command(ZHAO, within, "transfer/decision", CaseSteps.transferDecision(true)), 403,
                "four-eyes");
        assertThat(steps.events()).isEqualTo(before);
        steps.ok(WANG, within, "transfer/decision", CaseSteps.transferDecision(true));
    }

    @Test
    void a_destination_no_supervisor_covers_is_refused_and_nothing_is_written() {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        long events = steps.events();

        ApiClient.Answer answer = steps.command(WANG, c, "transfer",
                CaseSteps.transfer(freshVillage(OTHER_COUNTY_TOWNSHIP)));

        assertInvalid(answer, "destination-not-covered", "villageCode");
        assertThat(steps.events()).isEqualTo(events);
        assertThat(steps.file(WANG, c).hasNonNull("pendingTransfer")).isFalse();
    }

    @Test
    void the_decision_is_required() {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        steps.ok(WANG, c, "transfer", CaseSteps.transfer(freshVillage(RECEIVING_COUNTY_TOWNSHIP)));
        long events = steps.events();

        assertInvalid(steps.command(SUN, c, "transfer/decision", CaseSteps.transferDecision(true).putNull("accept")),
                "invalid-input", "accept");
        assertThat(steps.events()).isEqualTo(events);
    }

    @Test
    void only_supervisors_list_transfers_and_the_direction_is_one_of_two() {
        assertProblem(api.get(LI, "/api/transfers"), 403, "role");
        assertProblem(api.get(CHEN, "/api/transfers?direction=incoming"), 403, "role");
        assertInvalid(api.get(SUN, "/api/transfers?direction=sideways"), "invalid-input", "direction");
        assertThat(api.get(SUN, "/api/transfers").status()).as("incoming by default").isEqualTo(200);
    }

    /**
     * The case checks a command's jurisdiction against the village it knows from its own events: a case-file row
     * that says otherwise (a projection that lags, or was changed) neither lets an outsider in nor keeps the case's
     * own users out. Reads still go by the projection.
     */
    @Test
    void a_command_is_judged_by_the_case_s_own_village_whatever_the_case_file_projection_says() {
        Case c = steps.monitoring(WANG, freshVillage(OTHER_TOWNSHIP));
        String elsewhere = freshVillage(RECEIVING_COUNTY_TOWNSHIP);
        jdbc.update("UPDATE case_file SET village_code = ?, document = jsonb_set(document::jsonb, '{villageCode}',"
                + " to_jsonb(?::text))::json WHERE case_id = ?", elsewhere, elsewhere, c.id());
        assertThat(steps.file(SUN, c).get("caseId").asText()).as("the projection lets the outsider read").isEqualTo(c.id());
        long events = steps.events();

        for (CaseSteps.Command command : CaseSteps.allCommands("r", "i", "e")) {
            assertProblem(steps.command(SUN, c, command.path(), command.body()), 404, "case-not-found");
        }
        assertThat(steps.events()).isEqualTo(events);

        assertProblem(api.get(WANG, c.path()), 404, "case-not-found");
        steps.ok(WANG, c, "visits", CaseSteps.visit(CaseSteps.today()));
        assertThat(steps.events()).isEqualTo(events + 1);
    }

    private JsonNode pending(String user, String direction, String caseId) {
        for (JsonNode item : list(user, direction)) {
            if (item.get("caseId").asText().equals(caseId)) {
                return item;
            }
        }
        throw new AssertionError(caseId + " is not among " + user + "'s " + direction + " transfers");
    }

    private List<String> ids(String user, String direction) {
        List<String> ids = new ArrayList<>();
        list(user, direction).forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private JsonNode list(String user, String direction) {
        ApiClient.Answer answer = api.get(user, "/api/transfers?direction=" + direction + "&size=200");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("items");
    }
}
