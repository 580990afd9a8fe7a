package org.childprotection.registry.assessment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.emergency.Placement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.childprotection.registry.childcase.CaseExamples.*;

class AssessmentTest {

    private static final List<RiskFactor> FACTORS = List.of(RiskFactor.LIVES_ALONE, RiskFactor.NO_PARENTAL_CONTACT);
    private static final String SUMMARY = "祖母年迈，孩子基本独自生活；父母每月只通话一次。";

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    // ---- from REPORTED, by colour ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("colours")
    void aFirstAssessmentMovesTheReportedCaseToTheStatusOfItsColour(RiskLevel colour, CaseStatus expected) {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(assessment(colour), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new RiskAssessed(CASE_ID, colour, FACTORS, SUMMARY, NOW),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.REPORTED, expected, colour))
                .expectResultMessagePayload(2L);
    }

    static Stream<Arguments> colours() {
        return Stream.of(
                Arguments.of(RiskLevel.GREEN, CaseStatus.MONITORING),
                Arguments.of(RiskLevel.YELLOW, CaseStatus.UNDER_PROTECTION),
                Arguments.of(RiskLevel.ORANGE, CaseStatus.UNDER_PROTECTION),
                Arguments.of(RiskLevel.RED, CaseStatus.EMERGENCY));
    }

    @Test
    void aSupervisorMayAssessAndMissingFactorsAreRecordedAsNone() {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(new RecordRiskAssessment(CASE_ID, RiskLevel.GREEN, null, "情况稳定。"), supervisor())
                .expectEvents(
                        new RiskAssessed(CASE_ID, RiskLevel.GREEN, List.of(), "情况稳定。", NOW),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.REPORTED, CaseStatus.MONITORING,
                                RiskLevel.GREEN))
                .expectResultMessagePayload(2L);
    }

    // ---- re-assessment ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} assessed {1}")
    @MethodSource("reassessments")
    void aNewAssessmentMovesAnOpenCaseToTheStatusOfItsColour(CaseStatus from, RiskLevel colour) {
        List<Object> history = caseIn(from);
        CaseStatus to = colour.status();

        if (to == from) {
            fixture.given(history)
                    .when(assessment(colour), caseworker())
                    .expectEvents(new RiskAssessed(CASE_ID, colour, FACTORS, SUMMARY, NOW))
                    .expectResultMessagePayload((long) history.size());
        } else {
            fixture.given(history)
                    .when(assessment(colour), caseworker())
                    .expectEvents(
                            new RiskAssessed(CASE_ID, colour, FACTORS, SUMMARY, NOW),
                            new ProtectionStatusChanged(CASE_ID, from, to, colour))
                    .expectResultMessagePayload((long) history.size() + 1);
        }
    }

    static Stream<Arguments> reassessments() {
        return Stream.of(CaseStatus.MONITORING, CaseStatus.UNDER_PROTECTION).flatMap(from ->
                Arrays.stream(RiskLevel.values()).map(colour -> Arguments.of(from, colour)));
    }

    @Test
    void yellowAfterOrangeStaysUnderProtectionWithoutAStatusChange() {
        fixture.given(caseIn(CaseStatus.REPORTED,
                        riskAssessed(RiskLevel.ORANGE),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.REPORTED, CaseStatus.UNDER_PROTECTION,
                                RiskLevel.ORANGE)))
                .when(assessment(RiskLevel.YELLOW), caseworker())
                .expectEvents(new RiskAssessed(CASE_ID, RiskLevel.YELLOW, FACTORS, SUMMARY, NOW))
                .expectResultMessagePayload(3L);
    }

    // ---- leaving EMERGENCY -----------------------------------------------------------------------------------

    @Test
    void redInEmergencyRecordsTheAssessmentAndKeepsTheStatus() {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(assessment(RiskLevel.RED), caseworker())
                .expectEvents(new RiskAssessed(CASE_ID, RiskLevel.RED, FACTORS, SUMMARY, NOW))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @EnumSource(value = RiskLevel.class, names = {"GREEN", "YELLOW", "ORANGE"})
    void aLowerColourCannotLeaveEmergencyWithoutAGuardianOrPlacement(RiskLevel lower) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(assessment(lower), supervisor())
                .expectException(stateConflict("emergency-needs-care"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = RiskLevel.class, names = {"GREEN", "YELLOW", "ORANGE"})
    void anEntrustedGuardianOnRecordLetsALowerColourLeaveEmergency(RiskLevel lower) {
        fixture.given(caseIn(CaseStatus.EMERGENCY, guardianRecorded()))
                .when(assessment(lower), caseworker())
                .expectEvents(
                        new RiskAssessed(CASE_ID, lower, FACTORS, SUMMARY, NOW),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.EMERGENCY, lower.status(), lower))
                .expectResultMessagePayload(5L);
    }

    @Test
    void aGuardianRecordedBeforeTheEmergencyIsStillOnRecord() {
        fixture.given(caseIn(CaseStatus.MONITORING,
                        guardianRecorded(),
                        emergencyDeclaredWithoutPlacement(),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.MONITORING, CaseStatus.EMERGENCY, null)))
                .when(assessment(RiskLevel.GREEN), caseworker())
                .expectEvents(
                        new RiskAssessed(CASE_ID, RiskLevel.GREEN, FACTORS, SUMMARY, NOW),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.EMERGENCY, CaseStatus.MONITORING,
                                RiskLevel.GREEN))
                .expectResultMessagePayload(7L);
    }

    @Test
    void aCourtAppointedGuardianLetsALowerColourLeaveEmergency() {
        fixture.given(caseIn(CaseStatus.EMERGENCY,
                        interventionFiled(INTERVENTION_ID),
                        courtDecided(INTERVENTION_ID, true)))
                .when(assessment(RiskLevel.YELLOW), caseworker())
                .expectEvents(
                        new RiskAssessed(CASE_ID, RiskLevel.YELLOW, FACTORS, SUMMARY, NOW),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.EMERGENCY, CaseStatus.UNDER_PROTECTION,
                                RiskLevel.YELLOW))
                .expectResultMessagePayload(6L);
    }

    @Test
    void aRefusedInterventionPutsNoGuardianOnRecord() {
        fixture.given(caseIn(CaseStatus.EMERGENCY,
                        interventionFiled(INTERVENTION_ID),
                        courtDecided(INTERVENTION_ID, false)))
                .when(assessment(RiskLevel.YELLOW), caseworker())
                .expectException(stateConflict("emergency-needs-care"))
                .expectNoEvents();
    }

    @Test
    void aPendingInterventionPutsNoGuardianOnRecord() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(assessment(RiskLevel.ORANGE), caseworker())
                .expectException(stateConflict("emergency-needs-care"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(Placement.class)
    void aTemporaryCarePlacementLetsALowerColourLeaveEmergency(Placement placement) {
        fixture.given(caseIn(CaseStatus.EMERGENCY, emergencyDeclaredWithPlacement(placement)))
                .when(assessment(RiskLevel.ORANGE), caseworker())
                .expectEvents(
                        new RiskAssessed(CASE_ID, RiskLevel.ORANGE, FACTORS, SUMMARY, NOW),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.EMERGENCY, CaseStatus.UNDER_PROTECTION,
                                RiskLevel.ORANGE))
                .expectResultMessagePayload(5L);
    }

    @Test
    void anEmergencyDeclaredWithoutPlacementPutsNoCareOnRecord() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, emergencyDeclaredWithoutPlacement()))
                .when(assessment(RiskLevel.GREEN), caseworker())
                .expectException(stateConflict("emergency-needs-care"))
                .expectNoEvents();
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @Test
    void noAssessmentWhileAClosureRequestIsPending() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED))
                .when(assessment(RiskLevel.YELLOW), caseworker())
                .expectException(stateConflict("closure-pending"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OVERSIGHT", "MAINTAINER"})
    void readOnlyRolesMayNotAssess(Role role) {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(assessment(RiskLevel.GREEN), as(role))
                .expectException(notPermitted("role"))
                .expectNoEvents();
    }

    @Test
    void theColourIsRequired() {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(new RecordRiskAssessment(CASE_ID, null, FACTORS, SUMMARY), caseworker())
                .expectException(invalidInput("required", "riskLevel"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void theSummaryIsTheReasonAndIsRequired(String summary) {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(new RecordRiskAssessment(CASE_ID, RiskLevel.GREEN, FACTORS, summary), caseworker())
                .expectException(invalidInput("required", "summary"))
                .expectNoEvents();
    }

    @Test
    void factorsMayNotContainEmptyEntries() {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(new RecordRiskAssessment(CASE_ID, RiskLevel.GREEN,
                        Arrays.asList(RiskFactor.HEALTH, null), SUMMARY), caseworker())
                .expectException(invalidInput("required", "factors"))
                .expectNoEvents();
    }
}
