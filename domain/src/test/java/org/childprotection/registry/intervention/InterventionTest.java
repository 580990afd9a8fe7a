package org.childprotection.registry.intervention;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.guardian.Relationship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.childprotection.registry.childcase.CaseExamples.*;

class InterventionTest {

    private static final String COURT = "蕲春县人民法院";
    private static final String GROUNDS_REASON = "父母外出务工后六个月以上未履行监护职责。";

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    // ---- filing --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(InterventionGrounds.class)
    void aSupervisorFilesAGuardianshipIntervention(InterventionGrounds grounds) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new FileGuardianshipIntervention(CASE_ID, INTERVENTION_ID, grounds, COURT, GROUNDS_REASON),
                        supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new GuardianshipInterventionFiled(CASE_ID, INTERVENTION_ID, grounds, COURT,
                        GROUNDS_REASON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void anotherInterventionMayBeFiledOnceTheFirstIsDecided() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID),
                        courtDecided(INTERVENTION_ID, false)))
                .when(intervention("int-2"), supervisor())
                .expectEvents(new GuardianshipInterventionFiled(CASE_ID, "int-2",
                        InterventionGrounds.ABANDONED_DUTY_6_MONTHS, COURT, GROUNDS_REASON))
                .expectResultMessagePayload(5L);
    }

    @Test
    void onlyOneInterventionAtATimeIsBeforeTheCourt() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(intervention("int-2"), supervisor())
                .expectException(stateConflict("intervention-pending"))
                .expectNoEvents();
    }

    @Test
    void anInterventionIdIsUsedOnlyOnce() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID),
                        courtDecided(INTERVENTION_ID, true)))
                .when(intervention(INTERVENTION_ID), supervisor())
                .expectException(stateConflict("intervention-exists"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "SUPERVISOR", mode = EnumSource.Mode.EXCLUDE)
    void onlyASupervisorMayFile(Role role) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(intervention(INTERVENTION_ID), as(role))
                .expectException(notPermitted("supervisor-only"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theInterventionIdIsRequired(String interventionId) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(intervention(interventionId), supervisor())
                .expectException(invalidInput("required", "interventionId"))
                .expectNoEvents();
    }

    @Test
    void theGroundsAreRequired() {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new FileGuardianshipIntervention(CASE_ID, INTERVENTION_ID, null, COURT, GROUNDS_REASON),
                        supervisor())
                .expectException(invalidInput("required", "grounds"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theCourtIsRequired(String court) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new FileGuardianshipIntervention(CASE_ID, INTERVENTION_ID,
                        InterventionGrounds.ABUSE_OR_VIOLENCE, court, GROUNDS_REASON), supervisor())
                .expectException(invalidInput("required", "court"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aReasonIsRequired(String reason) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(new FileGuardianshipIntervention(CASE_ID, INTERVENTION_ID,
                        InterventionGrounds.ABUSE_OR_VIOLENCE, COURT, reason), supervisor())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    // ---- the court's decision ---------------------------------------------------------------------------------

    @Test
    void aGrantedDecisionNamesTheNewGuardian() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(courtGrant(INTERVENTION_ID), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CourtDecisionRecorded(CASE_ID, INTERVENTION_ID, true,
                        new CourtAppointedGuardian("王秀英", Relationship.OTHER_RELATIVE, 52), "撤销父母监护资格。"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aRefusedDecisionNamesNoGuardian() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, false, null, " "), otherSupervisor())
                .expectEvents(new CourtDecisionRecorded(CASE_ID, INTERVENTION_ID, false, null, null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aRefusedDecisionCannotNameAGuardian() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, false, courtAppointedGuardian(), null),
                        supervisor())
                .expectException(invalidInput("guardian-without-grant", "newGuardian"))
                .expectNoEvents();
    }

    @Test
    void aGrantedDecisionMustNameTheNewGuardian() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true, null, null), supervisor())
                .expectException(invalidInput("required", "newGuardian"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theNewGuardiansNameIsRequired(String name) {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true,
                        new CourtAppointedGuardian(name, Relationship.OTHER_RELATIVE, 52), null), supervisor())
                .expectException(invalidInput("required", "newGuardian.name"))
                .expectNoEvents();
    }

    @Test
    void theNewGuardiansRelationshipIsRequired() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true,
                        new CourtAppointedGuardian("王秀英", null, 52), null), supervisor())
                .expectException(invalidInput("required", "newGuardian.relationship"))
                .expectNoEvents();
    }

    @Test
    void theNewGuardianMustBeAnAdult() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true,
                        new CourtAppointedGuardian("王小红", Relationship.SIBLING, 17), null), supervisor())
                .expectException(invalidInput("adult-required", "newGuardian.age"))
                .expectNoEvents();
    }

    @Test
    void theNewGuardiansAgeMustBePossible() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(new RecordCourtDecision(CASE_ID, INTERVENTION_ID, true,
                        new CourtAppointedGuardian("王秀英", Relationship.OTHER_RELATIVE, 152), null), supervisor())
                .expectException(invalidInput("age", "newGuardian.age"))
                .expectNoEvents();
    }

    @Test
    void aDecisionNeedsAKnownIntervention() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(courtGrant("int-9"), supervisor())
                .expectException(stateConflict("intervention-unknown"))
                .expectNoEvents();
    }

    @Test
    void aDecisionIsRecordedOnlyOnce() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID),
                        courtDecided(INTERVENTION_ID, false)))
                .when(courtGrant(INTERVENTION_ID), supervisor())
                .expectException(stateConflict("intervention-decided"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "SUPERVISOR", mode = EnumSource.Mode.EXCLUDE)
    void onlyASupervisorMayRecordTheDecision(Role role) {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(courtGrant(INTERVENTION_ID), as(role))
                .expectException(notPermitted("supervisor-only"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theDecisionsInterventionIdIsRequired(String interventionId) {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(courtGrant(interventionId), supervisor())
                .expectException(invalidInput("required", "interventionId"))
                .expectNoEvents();
    }
}
