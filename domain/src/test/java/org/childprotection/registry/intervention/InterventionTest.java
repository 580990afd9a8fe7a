package org.childprotection.registry.intervention;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.kernel.CaseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.childprotection.registry.childcase.CaseExamples.*;

class InterventionTest extends CaseFixtureTest {

    private static final String COURT = "蕲春县人民法院";
    private static final String GROUNDS_REASON = "父母外出务工后六个月以上未履行监护职责。";

    // ---- filing --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(InterventionGrounds.class)
    void a_supervisor_files_a_guardianship_intervention(InterventionGrounds grounds) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new FileGuardianshipIntervention(CASE_ID, INTERVENTION_ID, grounds, COURT, GROUNDS_REASON),
                        supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new GuardianshipInterventionFiled(CASE_ID, INTERVENTION_ID, grounds, COURT,
                        GROUNDS_REASON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void another_intervention_may_be_filed_once_the_first_is_decided() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID),
                        courtDecided(INTERVENTION_ID, false)))
                .when(intervention("int-2"), supervisor())
                .expectEvents(new GuardianshipInterventionFiled(CASE_ID, "int-2",
                        InterventionGrounds.ABANDONED_DUTY_6_MONTHS, COURT, GROUNDS_REASON))
                .expectResultMessagePayload(5L);
    }

    @Test
    void only_one_intervention_at_a_time_is_before_the_court() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(intervention("int-2"), supervisor())
                .expectException(stateConflict("intervention-pending"))
                .expectNoEvents();
    }

    @Test
    void an_intervention_id_is_used_only_once() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID),
                        courtDecided(INTERVENTION_ID, true)))
                .when(intervention(INTERVENTION_ID), supervisor())
                .expectException(stateConflict("intervention-exists"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_intervention_id_is_required(String interventionId) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(intervention(interventionId), supervisor())
                .expectException(invalidInput("required", "interventionId"))
                .expectNoEvents();
    }

    @Test
    void the_grounds_are_required() {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new FileGuardianshipIntervention(CASE_ID, INTERVENTION_ID, null, COURT, GROUNDS_REASON),
                        supervisor())
                .expectException(invalidInput("required", "grounds"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_court_is_required(String court) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new FileGuardianshipIntervention(CASE_ID, INTERVENTION_ID,
                        InterventionGrounds.ABUSE_OR_VIOLENCE, court, GROUNDS_REASON), supervisor())
                .expectException(invalidInput("required", "court"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void a_reason_is_required(String reason) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new FileGuardianshipIntervention(CASE_ID, INTERVENTION_ID,
                        InterventionGrounds.ABUSE_OR_VIOLENCE, COURT, reason), supervisor())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    // ---- the court's decision ---------------------------------------------------------------------------------

    @Test
    void a_granted_decision_names_the_new_guardian() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(courtGrant(INTERVENTION_ID), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CourtDecisionRecorded(CASE_ID, INTERVENTION_ID, true,
                        new CourtAppointedGuardian("王秀英", Relationship.OTHER_RELATIVE, 52), "撤销父母监护资格。"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_refused_decision_names_no_guardian() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, false, null, " "), otherSupervisor())
                .expectEvents(new CourtDecisionRecorded(CASE_ID, INTERVENTION_ID, false, null, null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_refused_decision_cannot_name_a_guardian() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, false, newGuardian(), null),
                        supervisor())
                .expectException(invalidInput("guardian-without-grant", "newGuardian"))
                .expectNoEvents();
    }

    @Test
    void a_granted_decision_must_name_the_new_guardian() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true, null, null), supervisor())
                .expectException(invalidInput("new-guardian-required", "newGuardian"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_new_guardians_name_is_required(String name) {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true,
                        new NewGuardian(name, Relationship.OTHER_RELATIVE, 52), null), supervisor())
                .expectException(invalidInput("required", "newGuardian.name"))
                .expectNoEvents();
    }

    @Test
    void the_new_guardians_relationship_is_required() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true,
                        new NewGuardian("王秀英", null, 52), null), supervisor())
                .expectException(invalidInput("required", "newGuardian.relationship"))
                .expectNoEvents();
    }

    @Test
    void the_new_guardian_must_be_an_adult() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true,
                        new NewGuardian("王小红", Relationship.SIBLING, 17), null), supervisor())
                .expectException(invalidInput("adult-required", "newGuardian.age"))
                .expectNoEvents();
    }

    @Test
    void the_new_guardians_age_must_be_possible() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true,
                        new NewGuardian("王秀英", Relationship.OTHER_RELATIVE, 152), null), supervisor())
                .expectException(invalidInput("age", "newGuardian.age"))
                .expectNoEvents();
    }

    @Test
    void a_decision_needs_a_known_intervention() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(courtGrant("int-9"), supervisor())
                .expectException(stateConflict("intervention-unknown"))
                .expectNoEvents();
    }

    @Test
    void a_decision_is_recorded_only_once() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID),
                        courtDecided(INTERVENTION_ID, false)))
                .when(courtGrant(INTERVENTION_ID), supervisor())
                .expectException(stateConflict("intervention-decided"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_decisions_intervention_id_is_required(String interventionId) {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(courtGrant(interventionId), supervisor())
                .expectException(invalidInput("required", "interventionId"))
                .expectNoEvents();
    }

    @Test
    void whether_the_court_granted_is_required() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, null, null, null), supervisor())
                .expectException(invalidInput("required", "granted"))
                .expectNoEvents();
    }

    /** The decision's own fields come before the case's interventions: a bad one is named even for an unknown id. */
    @Test
    void a_decision_s_fields_are_checked_before_its_intervention_is_looked_up() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, "int-9", true, new NewGuardian(null, null, 17), null),
                        supervisor())
                .expectException(invalidFields("newGuardian.name", "newGuardian.relationship", "newGuardian.age"))
                .expectNoEvents();
    }
}
