package org.childprotection.registry.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.CaseSteps.Command;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.OPS;
import static org.childprotection.registry.api.support.CaseSteps.OTHER_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.RECEIVING_COUNTY_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.SUN;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.ZHAO;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Who may do what (docs/domain.md, docs/api.md) and on which cases (jurisdiction): every refusal is a problem
 * answer and writes nothing. A case outside the caller's jurisdiction answers exactly like a case that does
 * not exist. The refusals share cases made once for the class, since a refusal changes nothing.
 */
@RegistryApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAccessApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    CaseSteps steps;
    /** In li.caseworker's township, MONITORING, with an open referral (li's) and intervention (wang's). */
    Case inLi;
    String referralId;
    String interventionId;
    String registrationEventId;
    String interventionEventId;
    /** In the supervisors' county but outside li.caseworker's township. */
    Case outsideLi;

    @BeforeAll
    void cases() {
        steps = new CaseSteps(api, jdbc);
        inLi = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        referralId = steps.openReferral(LI, inLi);
        interventionId = steps.openIntervention(WANG, inLi);
        inLi = inLi.at(inLi.version() + 2);
        registrationEventId = steps.eventId(inLi, 0);
        interventionEventId = steps.eventId(inLi, inLi.version());
        outsideLi = steps.reported(WANG, freshVillage(OTHER_TOWNSHIP));
    }

    List<Command> commands() {
        return CaseSteps.allCommands(referralId, interventionId, registrationEventId);
    }

    Stream<Command> supervisorOnlyCommands() {
        return commands().stream().filter(Command::supervisorOnly);
    }

    Stream<Command> caseworkerCommands() {
        return commands().stream().filter(c -> !c.supervisorOnly());
    }

    Stream<Arguments> readOnlyUsersOnEveryCommand() {
        return Stream.of(CHEN, OPS).flatMap(user -> commands().stream().map(c -> arguments(user, c)));
    }

    // ---- roles ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("supervisorOnlyCommands")
    void a_caseworker_may_not_use_a_supervisor_only_endpoint(Command command) {
        long events = steps.events();

        ApiClient.Answer answer = steps.command(LI, inLi, command.path(), command.body());

        assertProblem(answer, 403, "role");
        assertThat(steps.events()).isEqualTo(events);
        assertThat(steps.file(WANG, inLi).get("version").asLong()).isEqualTo(inLi.version());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("readOnlyUsersOnEveryCommand")
    void oversight_and_maintainers_may_not_use_any_command_endpoint(String user, Command command) {
        long events = steps.events();

        ApiClient.Answer answer = steps.command(user, inLi, command.path(), command.body());

        assertProblem(answer, 403, "role");
        assertThat(steps.events()).isEqualTo(events);
    }

    @Test
    void a_maintainer_reads_no_case_file_history_or_caseload_and_nothing_is_logged() {
        long accessLog = steps.count("access_log");

        for (String path : List.of(inLi.path(), inLi.path() + "?asOf=" + Instant.now(), inLi.path() + "/history",
                "/api/cases", "/api/cases?villageCode=" + inLi.village())) {
            assertProblem(api.get(OPS, path), 403, "role");
        }
        assertThat(steps.count("access_log")).isEqualTo(accessLog);
    }

    @ParameterizedTest
    @ValueSource(strings = {LI, WANG, ZHAO, OPS})
    void only_oversight_reads_the_audit_trail_and_the_access_log(String user) {
        assertProblem(api.get(user, "/api/audit/events"), 403, "role");
        assertProblem(api.get(user, "/api/audit/events?villageCode=" + inLi.village()), 403, "role");
        assertProblem(api.get(user, "/api/audit/access-log"), 403, "role");
        assertProblem(api.get(user, "/api/audit/access-log?caseId=" + inLi.id()), 403, "role");
        assertThat(api.get(CHEN, "/api/audit/events?villageCode=" + inLi.village()).status()).isEqualTo(200);
        assertThat(api.get(CHEN, "/api/audit/access-log?caseId=" + inLi.id()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {LI, OPS})
    void caseworkers_and_maintainers_read_no_statistics(String user) {
        assertProblem(api.get(user, "/api/statistics"), 403, "role");
        assertProblem(api.get(user, "/api/statistics?villageCode=" + LI_TOWNSHIP), 403, "role");
        assertThat(api.get(WANG, "/api/statistics?villageCode=" + LI_TOWNSHIP).status()).isEqualTo(200);
        assertThat(api.get(CHEN, "/api/statistics?villageCode=" + LI_TOWNSHIP).status()).isEqualTo(200);
    }

    @Test
    void a_caseworker_may_correct_only_their_own_records() {
        long events = steps.events();

        ApiClient.Answer answer = steps.command(LI, inLi, "corrections",
                CaseSteps.correction(interventionEventId, "court", "西城区人民法院"));

        assertProblem(answer, 403, "own-records-only");
        assertThat(steps.events()).isEqualTo(events);
    }

    @Test
    void variants_of_a_supervisor_only_path_do_not_let_a_caseworker_through() {
        long events = steps.events();

        for (String path : List.of("assignment/", "Assignment", "transfer/", "closure/decision/",
                "interventions/", "reopening/")) {
            ApiClient.Answer answer = steps.command(LI, inLi, path, path.startsWith("transfer")
                    ? CaseSteps.transfer(freshVillage(LI_TOWNSHIP)) : CaseSteps.assignment(LI));
            assertThat(answer.status()).as(path + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
        assertThat(steps.events()).isEqualTo(events);
        assertThat(steps.file(WANG, inLi).get("caseworker").asText()).isEqualTo(LI);
    }

    @Test
    void without_credentials_a_command_is_refused_with_401() {
        long events = steps.events();

        ApiClient.Answer anonymous = api.send(api.request(null, inLi.path() + "/assessments")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CaseSteps.assessment("RED").toString())));
        ApiClient.Answer wrongPassword = api.send(api.request(null, inLi.path() + "/emergency")
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic bGkuY2FzZXdvcmtlcjp3cm9uZw==")
                .POST(HttpRequest.BodyPublishers.ofString(CaseSteps.emergency().toString())));

        assertProblem(anonymous, 401, "authentication");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertProblem(wrongPassword, 401, "authentication");
        assertThat(steps.events()).isEqualTo(events);
    }

    // ---- jurisdiction -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseworkerCommands")
    void a_case_outside_the_caseworkers_jurisdiction_answers_404_to_every_command(Command command) {
        long events = steps.events();
        ApiClient.Answer unknown = api.post(LI, "/api/cases/no-such-case/" + command.path(), command.body());

        ApiClient.Answer answer = steps.command(LI, outsideLi, command.path(), command.body());

        JsonNode problem = assertProblem(answer, 404, "case-not-found");
        JsonNode unknownProblem = assertProblem(unknown, 404, "case-not-found");
        assertThat(problem.get("title")).isEqualTo(unknownProblem.get("title"));
        assertThat(steps.events()).isEqualTo(events);
        assertThat(steps.file(WANG, outsideLi).get("version").asLong()).isEqualTo(outsideLi.version());
    }

    @Test
    void a_case_outside_the_caseworkers_jurisdiction_cannot_be_read_and_is_not_in_their_caseload() {
        long accessLog = steps.count("access_log");

        assertProblem(api.get(LI, outsideLi.path()), 404, "case-not-found");
        assertProblem(api.get(LI, outsideLi.path() + "?asOf=" + Instant.now()), 404, "case-not-found");
        assertProblem(api.get(LI, outsideLi.path() + "/history"), 404, "case-not-found");
        assertThat(steps.count("access_log")).as("a refused read is no read").isEqualTo(accessLog);

        assertThat(api.get(LI, "/api/cases?villageCode=" + outsideLi.village()).json().get("total").asLong()).isZero();
        assertThat(api.get(LI, "/api/cases?villageCode=" + OTHER_TOWNSHIP).json().get("total").asLong()).isZero();
        JsonNode all = api.get(LI, "/api/cases?size=200").json().get("items");
        all.forEach(item -> assertThat(item.get("villageCode").asText()).startsWith(LI_TOWNSHIP));
        assertThat(all.findValuesAsText("caseId")).doesNotContain(outsideLi.id());

        assertThat(api.get(WANG, outsideLi.path()).status()).isEqualTo(200);
        JsonNode wangs = api.get(WANG, "/api/cases?villageCode=" + outsideLi.village()).json();
        assertThat(wangs.get("total").asLong()).isEqualTo(1);
        assertThat(wangs.at("/items/0/caseId").asText()).isEqualTo(outsideLi.id());
        assertThat(api.get(CHEN, outsideLi.path()).status()).isEqualTo(200);
    }

    @Test
    void a_transferred_case_follows_its_new_village_code() {
        Case c = steps.reported(LI, freshVillage(LI_TOWNSHIP));
        String elsewhere = freshVillage(OTHER_TOWNSHIP);

        steps.transferred(WANG, ZHAO, c, elsewhere);

        long events = steps.events();
        assertProblem(api.get(LI, c.path()), 404, "case-not-found");
        assertProblem(api.get(LI, c.path() + "/history"), 404, "case-not-found");
        assertProblem(steps.command(LI, c, "visits", CaseSteps.visit(CaseSteps.today())), 404, "case-not-found");
        assertThat(steps.events()).isEqualTo(events);
        assertThat(api.get(LI, "/api/cases?villageCode=" + c.village()).json().get("total").asLong()).isZero();
        JsonNode file = steps.file(WANG, c);
        assertThat(file.get("villageCode").asText()).isEqualTo(elsewhere);
        assertThat(api.get(WANG, "/api/cases?villageCode=" + elsewhere).json().at("/items/0/caseId").asText())
                .isEqualTo(c.id());

        // Back into li's township: li sees it again.
        String back = freshVillage(LI_TOWNSHIP);
        steps.transferred(ZHAO, WANG, c, back);

        assertThat(steps.file(LI, c).get("villageCode").asText()).isEqualTo(back);
        assertThat(api.get(LI, "/api/cases?villageCode=" + back).json().at("/items/0/caseId").asText())
                .isEqualTo(c.id());
    }

    @Test
    void a_case_transferred_out_of_the_county_is_gone_for_its_supervisors_but_not_for_oversight() {
        Case c = steps.reported(WANG, freshVillage(OTHER_TOWNSHIP));
        String otherCounty = freshVillage(RECEIVING_COUNTY_TOWNSHIP);

        steps.transferred(WANG, SUN, c, otherCounty);

        long events = steps.events();
        assertProblem(api.get(WANG, c.path()), 404, "case-not-found");
        assertProblem(api.get(ZHAO, c.path() + "/history"), 404, "case-not-found");
        for (Command command : commands()) {
            assertProblem(steps.command(WANG, c, command.path(), command.body()), 404, "case-not-found");
        }
        assertThat(steps.events()).isEqualTo(events);
        assertThat(api.get(WANG, "/api/cases?villageCode=110105").json().get("total").asLong()).isZero();
        JsonNode supervisorFigures = api.get(WANG, "/api/statistics?villageCode=" + otherCounty).json();
        assertThat(supervisorFigures.get("cases").asLong()).isZero();

        assertThat(steps.file(CHEN, c).get("villageCode").asText()).isEqualTo(otherCounty);
        assertThat(api.get(CHEN, "/api/cases?villageCode=" + otherCounty).json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get(CHEN, "/api/statistics?villageCode=" + otherCounty).json().get("cases").asLong())
                .isEqualTo(1);
        JsonNode trail = api.get(CHEN, "/api/audit/events?villageCode=" + otherCounty).json();
        assertThat(trail.get("total").asLong()).isEqualTo(1);
        assertThat(trail.at("/items/0/type").asText()).isEqualTo("TransferAccepted");
        assertThat(trail.at("/items/0/caseId").asText()).isEqualTo(c.id());
    }

    // ---- four eyes --------------------------------------------------------------------------------------

    @Test
    void the_supervisor_who_requested_a_closure_cannot_decide_it_another_supervisor_can() {
        Case c = steps.closureRequested(WANG, freshVillage(LI_TOWNSHIP));
        long events = steps.events();

        ApiClient.Answer approve = steps.command(WANG, c, "closure/decision", CaseSteps.closureDecision(true));
        ApiClient.Answer reject = steps.command(WANG, c, "closure/decision", CaseSteps.closureDecision(false));

        assertProblem(approve, 403, "four-eyes");
        assertProblem(reject, 403, "four-eyes");
        assertThat(steps.events()).isEqualTo(events);
        assertThat(steps.file(LI, c).get("status").asText()).isEqualTo("CLOSURE_REQUESTED");

        JsonNode approved = steps.ok(ZHAO, c, "closure/decision", CaseSteps.closureDecision(true));

        assertThat(approved.get("version").asLong()).isEqualTo(c.version() + 1);
        assertThat(steps.readYourWrites(LI, c, c.version() + 1).get("status").asText()).isEqualTo("CLOSED");
    }
}
