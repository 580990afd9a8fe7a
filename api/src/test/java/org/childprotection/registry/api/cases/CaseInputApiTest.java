package org.childprotection.registry.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.OTHER_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.assertInvalid;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;
import static org.childprotection.registry.api.support.CaseSteps.today;

/**
 * Bad input on the command endpoints: every refusal is an RFC 9457 problem ({@code type}, {@code title},
 * {@code status}, {@code detail}; for a 400 the {@code errors} entry naming the field), never a stack trace,
 * and nothing is written: not one event, and the case keeps its version. The cases are made once for the class,
 * since a refusal changes nothing.
 */
@RegistryApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseInputApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    CaseSteps steps;
    /** REPORTED, with a resident ID number. */
    Case reported;
    String registrationEventId;
    /** MONITORING, li's, with a completed (closed) referral and an intervention before the court. */
    Case monitoring;
    String closedReferralId;
    String interventionId;
    /** EMERGENCY after a RED assessment, without guardian or placement. */
    Case emergency;
    /** CLOSED. */
    Case closed;
    /** REPORTED, li's, only for assignments (a wrongly accepted one must not disturb the other tests' cases). */
    Case toAssign;
    /** REPORTED, outside li.caseworker's township, only for assignments. */
    Case toAssignOutsideLi;

    /** One bad request: who sends it, to which case, and what the answer must say. */
    record Bad(String name, String user, String target, String path, Object body, int status, String rule,
               String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void cases() {
        steps = new CaseSteps(api, jdbc);
        reported = steps.reported(LI, freshVillage(LI_TOWNSHIP));
        registrationEventId = steps.eventId(reported, 0);
        monitoring = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        closedReferralId = steps.openReferral(LI, monitoring);
        steps.ok(LI, monitoring, "referrals/" + closedReferralId + "/outcome", CaseSteps.referralOutcome("COMPLETED"));
        interventionId = steps.openIntervention(WANG, monitoring);
        monitoring = monitoring.at(monitoring.version() + 3);
        emergency = steps.emergency(LI, freshVillage(LI_TOWNSHIP));
        closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        toAssign = steps.reported(LI, freshVillage(LI_TOWNSHIP));
        toAssignOutsideLi = steps.reported(WANG, freshVillage(OTHER_TOWNSHIP));
    }

    // ---- 400: the body cannot be read -------------------------------------------------------------------

    Stream<Bad> unreadableBodies() {
        return Stream.of(
                bad("malformed JSON", LI, "assessments", "{\"riskLevel\": \"GREEN\", ", "malformed-body"),
                bad("JSON cut in a string", LI, "visits", "{\"visitDate\": \"2026-0", "malformed-body"),
                bad("empty body", LI, "closure", "", "malformed-body"),
                bad("an array instead of an object", LI, "guardian", "[1, 2]", "malformed-body"),
                bad("a bare string", LI, "parental-contacts", "\"MOTHER\"", "malformed-body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void an_unreadable_body_is_a_400_problem_and_nothing_is_written(Bad bad) {
        refused(bad);
    }

    // ---- 400: a field is wrong ----------------------------------------------------------------------------

    Stream<Bad> invalidFields() {
        String tooLongName = "王".repeat(101);
        LocalDate shanghaiToday = today();
        return Stream.of(
                // wrong types
                field("guardian age as text", LI, "guardian", edit(CaseSteps.guardian(), b -> b.put("age", "old")), "age"),
                field("childSeen as yes", LI, "visits", edit(CaseSteps.visit(shanghaiToday), b -> b.put("childSeen", "yes")),
                        "childSeen"),
                field("factors as a string", LI, "assessments",
                        edit(CaseSteps.assessment("GREEN"), b -> b.put("factors", "HEALTH")), "factors"),
                field("approve as text", WANG, "closure/decision",
                        edit(CaseSteps.closureDecision(true), b -> b.put("approve", "perhaps")), "approve"),
                field("newGuardian as a string", WANG, "interventions/x/decision",
                        edit(CaseSteps.courtDecision(true), b -> b.put("newGuardian", "王姑姑")), "newGuardian"),
                field("age as an object", LI, "guardian",
                        edit(CaseSteps.guardian(), b -> b.putObject("age").put("years", 50)), "age"),
                // unknown enumeration values
                field("unknown risk level", LI, "assessments", CaseSteps.assessment("PURPLE"), "riskLevel"),
                field("unknown risk factor", LI, "assessments",
                        edit(CaseSteps.assessment("GREEN"), b -> b.withArray("factors").add("BORED")), "factors[2]"),
                field("unknown visitor role", LI, "visits",
                        edit(CaseSteps.visit(shanghaiToday), b -> b.put("visitorRole", "ALIEN")), "visitorRole"),
                field("unknown concern", LI, "visits",
                        edit(CaseSteps.visit(shanghaiToday), b -> b.putArray("concerns").add("GHOSTS")), "concerns[0]"),
                field("unknown contact channel", LI, "parental-contacts",
                        edit(CaseSteps.parentalContact(shanghaiToday), b -> b.put("channel", "PIGEON")), "channel"),
                field("unknown parent", LI, "parental-contacts",
                        edit(CaseSteps.parentalContact(shanghaiToday), b -> b.put("parent", "UNCLE")), "parent"),
                field("unknown service", LI, "referrals", edit(CaseSteps.referral(), b -> b.put("service", "MAGIC")),
                        "service"),
                field("unknown referral outcome", LI, "referrals/x/outcome", CaseSteps.referralOutcome("MAYBE"),
                        "outcome"),
                field("unknown emergency trigger", LI, "emergency",
                        edit(CaseSteps.emergency(), b -> b.put("trigger", "BAD_DREAM")), "trigger"),
                field("unknown emergency action", LI, "emergency",
                        edit(CaseSteps.emergency(), b -> b.putArray("actions").add("PRAY")), "actions[0]"),
                field("unknown placement", LI, "emergency",
                        edit(CaseSteps.emergency(), b -> b.put("placement", "HOTEL")), "placement"),
                field("unknown intervention grounds", WANG, "interventions",
                        edit(CaseSteps.intervention(), b -> b.put("grounds", "DISLIKE")), "grounds"),
                field("unknown closure reason", LI, "closure", CaseSteps.closure("BORED"), "reason"),
                field("unknown guardian relationship", LI, "guardian",
                        edit(CaseSteps.guardian(), b -> b.put("relationship", "BOSS")), "relationship"),
                field("unknown guardian capacity", LI, "guardian",
                        edit(CaseSteps.guardian(), b -> b.put("capacity", "SUPERHUMAN")), "capacity"),
                // missing or blank required fields
                field("assessment without risk level", LI, "assessments",
                        edit(CaseSteps.assessment("GREEN"), b -> b.remove("riskLevel")), "riskLevel"),
                field("assessment with a blank summary", LI, "assessments",
                        edit(CaseSteps.assessment("GREEN"), b -> b.put("summary", "  ")), "summary"),
                field("assignment without caseworker", WANG, "assignment",
                        edit(CaseSteps.assignment(LI), b -> b.remove("caseworker")), "caseworker"),
                field("guardian without capacity", LI, "guardian", edit(CaseSteps.guardian(), b -> b.remove("capacity")),
                        "capacity"),
                field("guardian without agreementSigned", LI, "guardian",
                        edit(CaseSteps.guardian(), b -> b.remove("agreementSigned")), "agreementSigned"),
                field("visit without date", LI, "visits", edit(CaseSteps.visit(shanghaiToday), b -> b.remove("visitDate")),
                        "visitDate"),
                field("visit without observations", LI, "visits",
                        edit(CaseSteps.visit(shanghaiToday), b -> b.remove("observations")), "observations"),
                field("contact without parent", LI, "parental-contacts",
                        edit(CaseSteps.parentalContact(shanghaiToday), b -> b.remove("parent")), "parent"),
                field("referral without provider", LI, "referrals", edit(CaseSteps.referral(), b -> b.remove("provider")),
                        "provider"),
                field("outcome without outcome", LI, "referrals/x/outcome",
                        edit(CaseSteps.referralOutcome("COMPLETED"), b -> b.remove("outcome")), "outcome"),
                field("emergency without actions", LI, "emergency",
                        edit(CaseSteps.emergency(), b -> b.putArray("actions")), "actions"),
                field("emergency without reason", LI, "emergency", edit(CaseSteps.emergency(), b -> b.remove("reason")),
                        "reason"),
                field("intervention without court", WANG, "interventions",
                        edit(CaseSteps.intervention(), b -> b.remove("court")), "court"),
                field("intervention without reason", WANG, "interventions",
                        edit(CaseSteps.intervention(), b -> b.put("reason", "")), "reason"),
                field("court decision without granted", WANG, "interventions/x/decision",
                        edit(CaseSteps.courtDecision(true), b -> b.remove("granted")), "granted"),
                field("new guardian without name", WANG, "interventions/x/decision",
                        edit(CaseSteps.courtDecision(true), b -> b.with("newGuardian").remove("name")), "newGuardian.name"),
                field("closure without reason", LI, "closure", edit(CaseSteps.closure("OTHER"), b -> b.remove("reason")),
                        "reason"),
                field("closure decision without approve", WANG, "closure/decision",
                        edit(CaseSteps.closureDecision(true), b -> b.remove("approve")), "approve"),
                field("reopening with a blank reason", WANG, "reopening",
                        edit(CaseSteps.reopening(), b -> b.put("reason", " ")), "reason"),
                field("transfer without reason", WANG, "transfer",
                        edit(CaseSteps.transfer(LI_TOWNSHIP + "998"), b -> b.remove("reason")), "reason"),
                field("transfer to a village code of letters", WANG, "transfer", CaseSteps.transfer("abc"), "villageCode"),
                field("transfer to a township code", WANG, "transfer", CaseSteps.transfer(LI_TOWNSHIP), "villageCode"),
                field("correction without eventId", LI, "corrections",
                        CaseSteps.correction(null, "child.name", "王晓明"), "eventId"),
                field("correction without value", LI, "corrections",
                        edit(CaseSteps.correction("e", "child.name", "x"), b -> b.remove("value")), "value"),
                field("correction without reason", LI, "corrections",
                        edit(CaseSteps.correction("e", "child.name", "x"), b -> b.remove("reason")), "reason"),
                // over the limits
                field("summary over 4000 characters", LI, "assessments",
                        edit(CaseSteps.assessment("GREEN"), b -> b.put("summary", "很".repeat(4001))), "summary"),
                field("reason over 1000 characters", LI, "assessments",
                        edit(CaseSteps.assessment("GREEN"), b -> b.put("reason", "x".repeat(1001))), "reason"),
                field("caseworker over 100 characters", WANG, "assignment", CaseSteps.assignment("c".repeat(101)),
                        "caseworker"),
                field("guardian name over 100 characters", LI, "guardian",
                        edit(CaseSteps.guardian(), b -> b.put("name", tooLongName)), "name"),
                field("guardian phone of letters", LI, "guardian",
                        edit(CaseSteps.guardian(), b -> b.put("phone", "call me")), "phone"),
                field("guardian aged 121", LI, "guardian", edit(CaseSteps.guardian(), b -> b.put("age", 121)), "age"),
                field("provider over 200 characters", LI, "referrals",
                        edit(CaseSteps.referral(), b -> b.put("provider", "p".repeat(201))), "provider"),
                field("observations over 4000 characters", LI, "visits",
                        edit(CaseSteps.visit(shanghaiToday), b -> b.put("observations", "o".repeat(4001))), "observations"),
                field("court over 200 characters", WANG, "interventions",
                        edit(CaseSteps.intervention(), b -> b.put("court", "法".repeat(201))), "court"),
                field("six emergency actions", LI, "emergency", edit(CaseSteps.emergency(), b -> b.putArray("actions")
                        .add("TEMPORARY_CARE_PLACEMENT").add("POLICE_INTERVENTION").add("MISSING_CHILD_SEARCH")
                        .add("PARENTS_ORDERED_TO_RETURN").add("ENTRUSTED_GUARDIAN_APPOINTED")
                        .add("POLICE_INTERVENTION")), "actions"),
                field("correction value over 4000 characters", LI, "corrections",
                        CaseSteps.correction("e", "child.name", "名".repeat(4001)), "value"),
                // dates
                field("impossible visit date", LI, "visits",
                        edit(CaseSteps.visit(shanghaiToday), b -> b.put("visitDate", "2026-02-30")), "visitDate"),
                field("thirteenth month", LI, "parental-contacts",
                        edit(CaseSteps.parentalContact(shanghaiToday), b -> b.put("date", "2025-13-01")), "date"),
                field("date in words", LI, "visits",
                        edit(CaseSteps.visit(shanghaiToday), b -> b.put("visitDate", "yesterday")), "visitDate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void an_invalid_field_is_a_400_problem_naming_it_and_nothing_is_written(Bad bad) {
        refused(bad);
    }

    /** The domain checks the fields, and names every missing one at once, as a form shows all its mistakes. */
    @Test
    void a_body_missing_several_fields_is_a_400_naming_each_and_nothing_is_written() {
        long events = steps.events();

        ApiClient.Answer answer = steps.command(LI, reported, "guardian", CaseSteps.guardian().removeAll());

        JsonNode problem = assertInvalid(answer, "invalid-input", "name");
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "relationship", "age", "capacity", "agreementSigned");
        assertNothingWritten(events, reported);
    }

    /** The case's table of commands answers first: a closed case refuses a command before its fields are read. */
    @Test
    void a_malformed_command_on_a_closed_case_is_a_409_case_closed() {
        long events = steps.events();

        ApiClient.Answer answer = steps.command(LI, closed, "visits", edit(CaseSteps.visit(today()),
                b -> b.remove("observations")));

        assertProblem(answer, 409, "case-closed");
        assertNothingWritten(events, closed);
    }

    // ---- 400: the registry's rules on a field -------------------------------------------------------------

    Stream<Bad> brokenFieldRules() {
        LocalDate future = LocalDate.now(CaseSteps.REGISTRY_ZONE).plusDays(2);
        String idNumber = api.get(LI, reported.path()).json().at("/child/idNumber").asText();
        char wrongCheck = idNumber.charAt(17) == '1' ? '2' : '1';
        return Stream.of(
                rule("visit in the future (Asia/Shanghai)", LI, "reported", "visits", CaseSteps.visit(future),
                        "date-in-future", "visitDate"),
                rule("parental contact in the future", LI, "reported", "parental-contacts",
                        CaseSteps.parentalContact(future), "date-in-future", "date"),
                rule("visit before the case was reported", LI, "reported", "visits",
                        CaseSteps.visit(today().minusDays(1)), "date-before-report", "visitDate"),
                rule("guardian under 18", LI, "reported", "guardian",
                        edit(CaseSteps.guardian(), b -> b.put("age", 17)), "adult-required", "age"),
                rule("guardian without capacity", LI, "reported", "guardian",
                        edit(CaseSteps.guardian(), b -> b.put("capacity", "INCAPABLE")), "guardian-capable", "capacity"),
                rule("placement without the placing action", LI, "reported", "emergency",
                        edit(CaseSteps.emergency(), b -> b.putArray("actions").add("POLICE_INTERVENTION")),
                        "placement-without-action", "placement"),
                rule("placing action without placement", LI, "reported", "emergency",
                        edit(CaseSteps.emergency(), b -> b.remove("placement")), "placement-required", "placement"),
                rule("resident ID with a wrong check character", LI, "reported", "corrections",
                        CaseSteps.correction(registrationEventId, "child.idNumber",
                                idNumber.substring(0, 17) + wrongCheck), "resident-id-check", "value"),
                rule("resident ID of 17 characters", LI, "reported", "corrections",
                        CaseSteps.correction(registrationEventId, "child.idNumber", idNumber.substring(0, 17)),
                        "resident-id-format", "value"),
                rule("field that cannot be corrected", LI, "reported", "corrections",
                        CaseSteps.correction(registrationEventId, "child.hukou", "URBAN"), "field-not-correctable",
                        "field"),
                rule("correction of an event of another case", LI, "reported", "corrections",
                        CaseSteps.correction("no-such-event", "child.name", "王晓明"), "unknown-event", "eventId"),
                rule("correction to an impossible date", LI, "reported", "corrections",
                        CaseSteps.correction(registrationEventId, "child.dateOfBirth", "2019-02-30"), "correction-value",
                        "value"),
                rule("granted court decision without new guardian", WANG, "monitoring",
                        "interventions/" + interventionId + "/decision",
                        edit(CaseSteps.courtDecision(true), b -> b.remove("newGuardian")), "new-guardian-required",
                        "newGuardian"),
                rule("refused court decision naming a guardian", WANG, "monitoring",
                        "interventions/" + interventionId + "/decision",
                        edit(CaseSteps.courtDecision(true), b -> b.put("granted", false)), "guardian-without-grant",
                        "newGuardian"),
                rule("court-appointed guardian under 18", WANG, "monitoring",
                        "interventions/" + interventionId + "/decision",
                        edit(CaseSteps.courtDecision(true), b -> b.with("newGuardian").put("age", 16)),
                        "adult-required", "newGuardian.age"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFieldRules")
    void a_field_breaking_a_registry_rule_is_a_400_problem_naming_it_and_nothing_is_written(Bad bad) {
        refused(bad);
    }

    // ---- 409: the case as it stands does not allow the command ------------------------------------------

    Stream<Bad> conflicts() {
        return Stream.of(
                conflict("closure of a REPORTED case", LI, "reported", "closure", CaseSteps.closure("PARENTS_RETURNED"),
                        "closure-needs-assessment"),
                conflict("outcome for a closed referral", LI, "monitoring", "referrals/" + closedReferralId + "/outcome",
                        CaseSteps.referralOutcome("ONGOING"), "referral-closed"),
                conflict("outcome for an unknown referral", LI, "monitoring", "referrals/no-such-referral/outcome",
                        CaseSteps.referralOutcome("COMPLETED"), "referral-unknown"),
                conflict("decision on an unknown intervention", WANG, "monitoring",
                        "interventions/no-such-intervention/decision", CaseSteps.courtDecision(true),
                        "intervention-unknown"),
                conflict("second intervention while one is before the court", WANG, "monitoring", "interventions",
                        CaseSteps.intervention(), "intervention-pending"),
                conflict("closure decision without a request", WANG, "monitoring", "closure/decision",
                        CaseSteps.closureDecision(true), "no-closure-request"),
                conflict("reopening an open case", WANG, "monitoring", "reopening", CaseSteps.reopening(), "not-closed"),
                conflict("assigning the case's own caseworker", WANG, "monitoring", "assignment",
                        CaseSteps.assignment(LI), "already-assigned"),
                conflict("closure in EMERGENCY", LI, "emergency", "closure", CaseSteps.closure("PARENTS_RETURNED"),
                        "emergency-cannot-close"),
                conflict("lower colour in EMERGENCY without guardian or placement", LI, "emergency", "assessments",
                        CaseSteps.assessment("GREEN"), "emergency-needs-care"),
                conflict("assessment of a closed case", LI, "closed", "assessments", CaseSteps.assessment("RED"),
                        "case-closed"),
                conflict("visit to a closed case", LI, "closed", "visits", CaseSteps.visit(today()), "case-closed"),
                conflict("emergency on a closed case", LI, "closed", "emergency", CaseSteps.emergency(), "case-closed"),
                conflict("transfer of a closed case", WANG, "closed", "transfer",
                        CaseSteps.transfer(freshVillage(LI_TOWNSHIP)), "case-closed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflicts")
    void a_command_the_case_does_not_allow_now_is_a_409_problem_and_nothing_is_written(Bad bad) {
        refused(bad);
    }

    @Test
    void a_transfer_to_the_case_s_own_village_is_a_409() {
        refused(conflict("transfer to the same village", WANG, "monitoring", "transfer",
                CaseSteps.transfer(monitoring.village()), "same-village"));
    }

    /**
     * The assignee must be someone who can work the case: a configured caseworker or supervisor whose
     * jurisdiction covers it. Anyone else is invalid input naming {@code caseworker}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"an unknown username, no.such.user, in", "an oversight official, chen.oversight, in",
            "a maintainer, ops.maintainer, in", "a caseworker of another township, li.caseworker, out"})
    void assigning_someone_who_cannot_work_the_case_is_a_400_naming_caseworker(String who, String assignee,
                                                                              String where) {
        Case target = where.equals("in") ? toAssign : toAssignOutsideLi;
        long events = steps.events();

        ApiClient.Answer answer = steps.command(WANG, target, "assignment", CaseSteps.assignment(assignee));

        assertInvalid(answer, null, "caseworker");
        assertNothingWritten(events, target);
    }

    // ---- headers and media types --------------------------------------------------------------------------

    @Test
    void a_stale_if_match_is_a_412_and_nothing_is_written() {
        long events = steps.events();

        ApiClient.Answer answer = postWith(LI, reported, "visits", CaseSteps.visit(today()).toString(),
                "application/json", "\"" + (reported.version() + 5) + "\"");

        assertProblem(answer, 412, "stale-version");
        assertNothingWritten(events, reported);
    }

    @Test
    void a_malformed_if_match_is_a_400_naming_the_header() {
        long events = steps.events();

        ApiClient.Answer answer = postWith(LI, reported, "visits", CaseSteps.visit(today()).toString(),
                "application/json", "version three");

        assertInvalid(answer, "invalid-header", "If-Match");
        assertNothingWritten(events, reported);
    }

    /** Like every error answer of the API, a 415 names a registry problem type (not {@code about:blank}). */
    @Test
    void a_command_sent_as_plain_text_is_a_415() {
        long events = steps.events();

        ApiClient.Answer answer = postWith(LI, reported, "visits", CaseSteps.visit(today()).toString(),
                "text/plain", null);

        assertProblem(answer, 415, null);
        assertNothingWritten(events, reported);
    }

    @Test
    void a_body_over_64_kib_is_a_413() {
        long events = steps.events();
        ObjectNode huge = CaseSteps.assessment("GREEN").put("summary", "x".repeat(70 * 1024));

        ApiClient.Answer answer = postWith(LI, reported, "assessments", huge.toString(), "application/json", null);

        assertProblem(answer, 413, "body-too-large");
        assertNothingWritten(events, reported);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void refused(Bad bad) {
        Case target = switch (bad.target()) {
            case "monitoring" -> monitoring;
            case "emergency" -> emergency;
            case "closed" -> closed;
            default -> reported;
        };
        long events = steps.events();

        ApiClient.Answer answer = steps.command(bad.user(), target, bad.path(), bad.body());

        JsonNode problem = bad.field() == null ? assertProblem(answer, bad.status(), bad.rule())
                : assertInvalid(answer, bad.rule(), bad.field());
        if (bad.rule().equals("malformed-body")) {
            assertThat(problem.get("errors")).as("no field to name in an unreadable body").isEmpty();
        }
        assertNothingWritten(events, target);
    }

    private void assertNothingWritten(long eventsBefore, Case c) {
        assertThat(steps.events()).as("events written").isEqualTo(eventsBefore);
        assertThat(steps.file(WANG, c).get("version").asLong()).isEqualTo(c.version());
    }

    private ApiClient.Answer postWith(String user, Case c, String path, String body, String contentType,
                                      String ifMatch) {
        HttpRequest.Builder request = api.request(user, c.path() + "/" + path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    private static Bad bad(String name, String user, String path, String body, String rule) {
        return new Bad(name, user, "reported", path, body, 400, rule, null);
    }

    private static Bad field(String name, String user, String path, Object body, String field) {
        return new Bad(name, user, "reported", path, body, 400, "invalid-input", field);
    }

    private static Bad rule(String name, String user, String target, String path, Object body, String rule,
                            String field) {
        return new Bad(name, user, target, path, body, 400, rule, field);
    }

    private static Bad conflict(String name, String user, String target, String path, Object body, String rule) {
        return new Bad(name, user, target, path, body, 409, rule, null);
    }

    private static ObjectNode edit(ObjectNode body, Consumer<ObjectNode> change) {
        change.accept(body);
        return body;
    }
}
