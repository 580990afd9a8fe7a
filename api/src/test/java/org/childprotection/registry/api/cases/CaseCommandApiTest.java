package org.childprotection.registry.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.ZHAO;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;
import static org.childprotection.registry.api.support.CaseSteps.today;

/**
 * Every command endpoint of docs/api.md accepted: the answer {@code {caseId, version}} with the case's new version
 * (plus the id it created), and read-your-writes: the very next GET of the case file shows that version (body
 * and ETag) and the change, and the history shows the event with the authenticated actor and the reason.
 *
 * <p>Each accepted command costs about half a second (the answer waits for the projections), so each test
 * follows one case through several commands rather than making a case per command.
 */
@RegistryApiTest
class CaseCommandApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseSteps steps;

    @Test
    void an_assessment_sets_status_and_colour_and_its_summary_is_the_reason() {
        Case c = steps.reported(LI, freshVillage(LI_TOWNSHIP));
        assertThat(c.version()).as("a registration without trigger is one event").isZero();
        ObjectNode body = CaseSteps.assessment("YELLOW");

        JsonNode answer = steps.ok(LI, c, "assessments", body);

        assertAnswer(answer, c, 2);
        assertThat(answer.has("referralId")).isFalse();
        assertThat(answer.has("interventionId")).isFalse();
        JsonNode file = readFile(c, 2);
        assertThat(file.get("status").asText()).isEqualTo("UNDER_PROTECTION");
        assertThat(file.get("riskLevel").asText()).isEqualTo("YELLOW");
        assertThat(file.hasNonNull("assessedAt")).isTrue();
        assertThat(file.hasNonNull("assessmentDue")).as("an assessment is no longer due").isFalse();
        assertThat(file.get("nextVisitDue").asText()).isEqualTo(today().plusDays(14).toString());
        assertThat(file.get("overdue").asBoolean()).isFalse();

        JsonNode events = steps.history(LI, c);
        assertThat(types(events)).containsExactly("ChildRegistered", "RiskAssessed", "ProtectionStatusChanged");
        for (JsonNode event : List.of(events.get(1), events.get(2))) {
            assertActor(event, LI, "CASEWORKER");
            assertThat(event.get("reason").asText()).isEqualTo(body.get("summary").asText());
        }
        assertThat(events.get(1).at("/data/riskLevel").asText()).isEqualTo("YELLOW");
        assertThat(events.get(1).at("/data/factors").toString()).contains("LIVES_ALONE", "NO_PARENTAL_CONTACT");
        assertThat(events.get(2).at("/data/from").asText()).isEqualTo("REPORTED");
        assertThat(events.get(2).at("/data/to").asText()).isEqualTo("UNDER_PROTECTION");

        // Another colour with the same status: one event, no status change.
        JsonNode again = steps.ok(WANG, c, "assessments", CaseSteps.assessment("ORANGE").put("summary", "情况恶化"));

        assertAnswer(again, c, 3);
        JsonNode after = readFile(c, 3);
        assertThat(after.get("riskLevel").asText()).isEqualTo("ORANGE");
        assertThat(after.get("status").asText()).isEqualTo("UNDER_PROTECTION");
        assertThat(after.get("nextVisitDue").asText()).isEqualTo(today().plusDays(7).toString());
        JsonNode reassessed = lastEvent(c, "RiskAssessed");
        assertActor(reassessed, WANG, "SUPERVISOR");
        assertThat(reassessed.get("reason").asText()).isEqualTo("情况恶化");
        assertThat(steps.history(LI, c)).hasSize(4);
    }

    @Test
    void assignment_guardian_visit_and_parental_contact_are_recorded_and_shown_at_once() {
        Case c = steps.reported(WANG, freshVillage(LI_TOWNSHIP));
        assertThat(steps.file(WANG, c).get("caseworker").asText()).as("the registrar is the first caseworker")
                .isEqualTo(WANG);

        assertAnswer(steps.ok(WANG, c, "assignment", CaseSteps.assignment(LI)), c, 1);
        assertThat(readFile(c, 1).get("caseworker").asText()).isEqualTo(LI);
        JsonNode assigned = lastEvent(c, "CaseworkerAssigned");
        assertActor(assigned, WANG, "SUPERVISOR");
        assertThat(assigned.get("reason").asText()).isEqualTo("caseload balancing");
        assertThat(assigned.at("/data/caseworker").asText()).isEqualTo(LI);

        assertAnswer(steps.ok(LI, c, "assessments", CaseSteps.assessment("GREEN")), c, 3);
        assertThat(readFile(c, 3).get("status").asText()).isEqualTo("MONITORING");

        ObjectNode guardianBody = CaseSteps.guardian().put("reason", "parents signed the entrustment");
        assertAnswer(steps.ok(LI, c, "guardian", guardianBody), c, 4);
        JsonNode guardian = readFile(c, 4).get("guardian");
        assertThat(guardian.get("kind").asText()).isEqualTo("ENTRUSTED");
        assertThat(guardian.get("name").asText()).isEqualTo("王大伯");
        assertThat(guardian.get("relationship").asText()).isEqualTo("OTHER_RELATIVE");
        assertThat(guardian.get("age").asInt()).isEqualTo(52);
        assertThat(guardian.get("capacity").asText()).isEqualTo("CAPABLE");
        assertThat(guardian.get("agreementSigned").asBoolean()).isTrue();
        assertThat(guardian.get("phone").asText()).isEqualTo("+86 138-0000-0000");
        JsonNode guardianEvent = lastEvent(c, "EntrustedGuardianRecorded");
        assertActor(guardianEvent, LI, "CASEWORKER");
        assertThat(guardianEvent.get("reason").asText()).isEqualTo("parents signed the entrustment");

        assertAnswer(steps.ok(LI, c, "visits", CaseSteps.visit(today())), c, 5);
        JsonNode visited = readFile(c, 5);
        assertThat(visited.get("lastVisitAt").asText()).isEqualTo(today().toString());
        assertThat(visited.get("nextVisitDue").asText()).isEqualTo(today().plusDays(30).toString());
        assertThat(visited.get("overdue").asBoolean()).isFalse();
        JsonNode visit = lastEvent(c, "HomeVisitRecorded");
        assertActor(visit, LI, "CASEWORKER");
        assertThat(visit.at("/data/visitDate").asText()).isEqualTo(today().toString());
        assertThat(visit.at("/data/childSeen").asBoolean()).isTrue();
        assertThat(visit.at("/data/visitorRole").asText()).isEqualTo("CHILDREN_DIRECTOR");
        assertThat(visit.at("/data/concerns").toString()).contains("HEALTH");

        assertAnswer(steps.ok(WANG, c, "parental-contacts",
                CaseSteps.parentalContact(today()).put("reason", "monthly call")), c, 6);
        readFile(c, 6);
        JsonNode contact = lastEvent(c, "ParentalContactRecorded");
        assertActor(contact, WANG, "SUPERVISOR");
        assertThat(contact.get("reason").asText()).isEqualTo("monthly call");
        assertThat(contact.at("/data/parent").asText()).isEqualTo("MOTHER");
        assertThat(contact.at("/data/channel").asText()).isEqualTo("VIDEO");
        assertThat(contact.at("/data/date").asText()).isEqualTo(today().toString());
    }

    @Test
    void a_referral_answers_its_id_stays_open_while_ongoing_and_closes_with_a_final_outcome() {
        Case c = steps.reported(LI, freshVillage(LI_TOWNSHIP));

        JsonNode referred = steps.ok(LI, c, "referrals", CaseSteps.referral());

        assertAnswer(referred, c, 1);
        String referralId = referred.get("referralId").asText();
        assertThat(referralId).isNotBlank();
        assertThat(referred.has("interventionId")).isFalse();
        JsonNode open = readFile(c, 1).get("openReferrals");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("referralId").asText()).isEqualTo(referralId);
        assertThat(open.get(0).get("service").asText()).isEqualTo("PSYCHOSOCIAL");
        assertThat(open.get(0).get("provider").asText()).isEqualTo("县社工站");
        assertActor(lastEvent(c, "ServiceReferred"), LI, "CASEWORKER");

        // With the current version in If-Match, as a client that read the file first would send it.
        ApiClient.Answer ongoing = api.send(api.request(LI, c.path() + "/referrals/" + referralId + "/outcome")
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .POST(HttpRequest.BodyPublishers.ofString(CaseSteps.referralOutcome("ONGOING").toString())));

        assertThat(ongoing.status()).as(ongoing.body()).isEqualTo(200);
        assertAnswer(ongoing.json(), c, 2);
        open = readFile(c, 2).get("openReferrals");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("lastOutcome").asText()).isEqualTo("ONGOING");

        JsonNode completed = steps.ok(WANG, c, "referrals/" + referralId + "/outcome",
                CaseSteps.referralOutcome("COMPLETED").put("reason", "four sessions held"));

        assertAnswer(completed, c, 3);
        assertThat(readFile(c, 3).get("openReferrals")).isEmpty();
        JsonNode event = lastEvent(c, "ReferralOutcomeRecorded");
        assertActor(event, WANG, "SUPERVISOR");
        assertThat(event.get("reason").asText()).isEqualTo("four sessions held");
        assertThat(event.at("/data/referralId").asText()).isEqualTo(referralId);
        assertThat(event.at("/data/outcome").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void emergency_intervention_and_court_decision_then_an_assessment_leaves_the_emergency() {
        Case c = steps.reported(LI, freshVillage(LI_TOWNSHIP));

        assertAnswer(steps.ok(LI, c, "emergency", CaseSteps.emergency()), c, 2);
        JsonNode file = readFile(c, 2);
        assertThat(file.get("status").asText()).isEqualTo("EMERGENCY");
        assertThat(file.get("riskLevel").asText()).isEqualTo("RED");
        assertThat(file.get("placement").asText()).isEqualTo("RELATIVE");
        JsonNode events = steps.history(LI, c);
        assertThat(types(events)).containsExactly("ChildRegistered", "EmergencyDeclared", "ProtectionStatusChanged");
        assertActor(events.get(1), LI, "CASEWORKER");
        assertThat(events.get(1).get("reason").asText()).isEqualTo("child found alone for three days");
        assertThat(events.get(1).at("/data/trigger").asText()).isEqualTo("CHILD_ALONE_OR_MISSING");
        assertThat(events.get(2).at("/data/to").asText()).isEqualTo("EMERGENCY");

        ObjectNode further = CaseSteps.emergency().put("reason", "police searched the river bank");
        further.putArray("actions").add("POLICE_INTERVENTION");
        further.remove("placement");
        assertAnswer(steps.ok(WANG, c, "emergency", further), c, 3);
        assertThat(readFile(c, 3).get("status").asText()).isEqualTo("EMERGENCY");
        JsonNode again = lastEvent(c, "EmergencyDeclared");
        assertActor(again, WANG, "SUPERVISOR");
        assertThat(again.get("reason").asText()).isEqualTo("police searched the river bank");

        JsonNode filed = steps.ok(WANG, c, "interventions", CaseSteps.intervention());
        assertAnswer(filed, c, 4);
        String interventionId = filed.get("interventionId").asText();
        assertThat(interventionId).isNotBlank();
        assertThat(filed.has("referralId")).isFalse();
        JsonNode open = readFile(c, 4).get("openInterventions");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("interventionId").asText()).isEqualTo(interventionId);
        assertThat(open.get(0).get("grounds").asText()).isEqualTo("ABANDONED_DUTY_6_MONTHS");
        assertThat(open.get(0).get("court").asText()).isEqualTo("东城区人民法院");
        JsonNode filedEvent = lastEvent(c, "GuardianshipInterventionFiled");
        assertActor(filedEvent, WANG, "SUPERVISOR");
        assertThat(filedEvent.get("reason").asText()).isEqualTo("parents unreachable for seven months");

        JsonNode decided = steps.ok(ZHAO, c, "interventions/" + interventionId + "/decision",
                CaseSteps.courtDecision(true));
        assertAnswer(decided, c, 5);
        JsonNode withGuardian = readFile(c, 5);
        assertThat(withGuardian.get("openInterventions")).isEmpty();
        assertThat(withGuardian.at("/guardian/kind").asText()).isEqualTo("COURT_APPOINTED");
        assertThat(withGuardian.at("/guardian/name").asText()).isEqualTo("王姑姑");
        assertThat(withGuardian.at("/guardian/age").asInt()).isEqualTo(45);
        JsonNode decision = lastEvent(c, "CourtDecisionRecorded");
        assertActor(decision, ZHAO, "SUPERVISOR");
        assertThat(decision.get("reason").asText()).as("the note is the decision's reason")
                .isEqualTo("判决书 (2026) 京0101民特1号");
        assertThat(decision.at("/data/granted").asBoolean()).isTrue();

        // A guardian is on record now, so a lower colour takes the case out of EMERGENCY.
        assertAnswer(steps.ok(LI, c, "assessments", CaseSteps.assessment("YELLOW")), c, 7);
        JsonNode lowered = readFile(c, 7);
        assertThat(lowered.get("status").asText()).isEqualTo("UNDER_PROTECTION");
        assertThat(lowered.get("riskLevel").asText()).isEqualTo("YELLOW");
    }

    @Test
    void closure_rejected_then_approved_by_another_supervisor_corrected_reopened_and_transferred_in_two_steps() {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        assertThat(c.version()).isEqualTo(2);

        JsonNode requested = steps.ok(LI, c, "closure", CaseSteps.closure("PARENTS_RETURNED"));
        assertAnswer(requested, c, 3);
        assertThat(readFile(c, 3).get("status").asText()).isEqualTo("CLOSURE_REQUESTED");
        JsonNode request = lastEvent(c, "ClosureRequested");
        assertActor(request, LI, "CASEWORKER");
        assertThat(request.get("reason").asText()).as("the closure reason, with its note")
                .startsWith("PARENTS_RETURNED").contains("母亲已返乡照顾");
        assertThat(request.at("/data/reason").asText()).isEqualTo("PARENTS_RETURNED");

        ObjectNode reject = CaseSteps.closureDecision(false).put("note", "mother only visits at new year");
        assertAnswer(steps.ok(ZHAO, c, "closure/decision", reject), c, 4);
        assertThat(readFile(c, 4).get("status").asText()).as("the status before the request").isEqualTo("MONITORING");
        JsonNode rejected = lastEvent(c, "ClosureRejected");
        assertActor(rejected, ZHAO, "SUPERVISOR");
        assertThat(rejected.get("reason").asText()).isEqualTo("mother only visits at new year");

        assertAnswer(steps.ok(WANG, c, "closure", CaseSteps.closure("CHILD_JOINED_PARENTS")), c, 5);
        assertThat(lastEvent(c, "ClosureRequested").get("reason").asText()).startsWith("CHILD_JOINED_PARENTS");
        assertAnswer(steps.ok(ZHAO, c, "closure/decision", CaseSteps.closureDecision(true)), c, 6);
        JsonNode closed = readFile(c, 6);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.hasNonNull("nextVisitDue")).as("nothing is due on a closed case").isFalse();
        assertThat(closed.get("overdue").asBoolean()).isFalse();
        JsonNode approved = lastEvent(c, "ClosureApproved");
        assertActor(approved, ZHAO, "SUPERVISOR");
        assertThat(approved.get("reason").asText()).isEqualTo("checked with the village committee");

        // A correction is the one thing besides reopening that a closed case accepts.
        String registration = steps.eventId(c, 0);
        assertAnswer(steps.ok(WANG, c, "corrections",
                CaseSteps.correction(registration, "child.school", "西山小学")), c, 7);
        JsonNode corrected = readFile(c, 7);
        assertThat(corrected.get("status").asText()).isEqualTo("CLOSED");
        assertThat(corrected.at("/child/school").asText()).isEqualTo("西山小学");

        assertAnswer(steps.ok(WANG, c, "reopening", CaseSteps.reopening()), c, 8);
        JsonNode reopened = readFile(c, 8);
        assertThat(reopened.get("status").asText()).isEqualTo("REPORTED");
        assertThat(reopened.hasNonNull("riskLevel")).as("it needs a new assessment").isFalse();
        assertThat(reopened.hasNonNull("assessmentDue")).isTrue();
        JsonNode reopening = lastEvent(c, "CaseReopened");
        assertActor(reopening, WANG, "SUPERVISOR");
        assertThat(reopening.get("reason").asText()).isEqualTo("mother left again for work");

        String target = freshVillage(LI_TOWNSHIP);
        assertAnswer(steps.ok(ZHAO, c, "transfer", CaseSteps.transfer(target)), c, 9);
        JsonNode pending = readFile(c, 9);
        assertThat(pending.get("villageCode").asText()).as("nothing moves before acceptance").isEqualTo(c.village());
        assertThat(pending.at("/pendingTransfer/toVillageCode").asText()).isEqualTo(target);
        assertThat(pending.at("/pendingTransfer/requestedBy").asText()).isEqualTo(ZHAO);
        assertThat(pending.get("caseworker").asText()).as("the case stays with its caseworker").isEqualTo(LI);
        JsonNode transferRequest = lastEvent(c, "TransferRequested");
        assertActor(transferRequest, ZHAO, "SUPERVISOR");
        assertThat(transferRequest.get("reason").asText()).isEqualTo("child moved to grandparents");
        assertThat(transferRequest.at("/data/fromVillageCode").asText()).isEqualTo(c.village());
        assertThat(transferRequest.at("/data/toVillageCode").asText()).isEqualTo(target);

        assertAnswer(steps.ok(WANG, c, "transfer/decision", CaseSteps.transferDecision(true)), c, 10);
        JsonNode moved = readFile(c, 10);
        assertThat(moved.get("villageCode").asText()).isEqualTo(target);
        assertThat(moved.at("/child/villageCode").asText()).isEqualTo(target);
        assertThat(moved.hasNonNull("pendingTransfer")).isFalse();
        assertThat(moved.hasNonNull("caseworker")).as("the receiving side assigns one").isFalse();
        JsonNode accepted = lastEvent(c, "TransferAccepted");
        assertActor(accepted, WANG, "SUPERVISOR");
        assertThat(accepted.get("reason").asText()).isEqualTo("a caseworker of the township takes it");
        assertThat(accepted.at("/data/toVillageCode").asText()).isEqualTo(target);
        assertThat(accepted.at("/data/previousCaseworker").asText()).isEqualTo(LI);

        assertThat(types(steps.history(CHEN, c))).containsExactly("ChildRegistered", "RiskAssessed",
                "ProtectionStatusChanged", "ClosureRequested", "ClosureRejected", "ClosureRequested",
                "ClosureApproved", "RecordCorrected", "CaseReopened", "TransferRequested", "TransferAccepted");
    }

    @Test
    void a_correction_shows_the_new_value_and_keeps_the_corrected_event_as_recorded() {
        Case c = steps.reported(LI, freshVillage(LI_TOWNSHIP));
        String registration = steps.eventId(c, 0);

        JsonNode answer = steps.ok(LI, c, "corrections", CaseSteps.correction(registration, "child.name", "王晓明"));

        assertAnswer(answer, c, 1);
        JsonNode file = readFile(c, 1);
        assertThat(file.at("/child/name").asText()).isEqualTo("王晓明");
        JsonNode corrections = file.get("corrections");
        assertThat(corrections).hasSize(1);
        assertThat(corrections.get(0).get("eventId").asText()).isEqualTo(registration);
        assertThat(corrections.get(0).get("field").asText()).isEqualTo("child.name");
        assertThat(corrections.get(0).get("value").asText()).isEqualTo("王晓明");
        assertThat(corrections.get(0).get("reason").asText()).isEqualTo("typing error at registration");
        assertThat(corrections.get(0).get("correctedBy").asText()).isEqualTo(LI);

        JsonNode events = steps.history(CHEN, c);
        assertThat(types(events)).containsExactly("ChildRegistered", "RecordCorrected");
        assertThat(events.get(0).at("/data/child/name").asText())
                .as("the corrected event stays as recorded").isEqualTo(Registrations.CHILD_NAME);
        assertThat(events.get(0).at("/corrections/0/value").asText()).isEqualTo("王晓明");
        assertActor(events.get(1), LI, "CASEWORKER");
        assertThat(events.get(1).get("reason").asText()).isEqualTo("typing error at registration");
        assertThat(events.get(1).at("/data/eventId").asText()).isEqualTo(registration);
    }

    /** GET of the case file right after a command: its version, in the body and as the ETag. */
    private JsonNode readFile(Case c, long version) {
        return steps.readYourWrites(LI, c, version);
    }

    /** The case's latest event in its history, which must be of that type. */
    private JsonNode lastEvent(Case c, String type) {
        JsonNode events = steps.history(LI, c);
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo(type);
        return last;
    }

    private static void assertAnswer(JsonNode answer, Case c, long version) {
        assertThat(answer.get("caseId").asText()).isEqualTo(c.id());
        assertThat(answer.get("version").asLong()).isEqualTo(version);
    }

    private static void assertActor(JsonNode event, String username, String role) {
        assertThat(event.at("/actor/username").asText()).isEqualTo(username);
        assertThat(event.at("/actor/role").asText()).isEqualTo(role);
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        return types;
    }
}
