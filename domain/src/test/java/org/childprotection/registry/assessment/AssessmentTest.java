package org.childprotection.registry.assessment;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.emergency.Placement;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
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

class AssessmentTest extends CaseFixtureTest {

    private static final List<RiskFactor> FACTORS = List.of(RiskFactor.LIVES_ALONE, RiskFactor.NO_PARENTAL_CONTACT);
    private static final String SUMMARY = "祖母年迈，孩子基本独自生活；父母每月只通话一次。";

    // ---- from REPORTED, by colour ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("colours")
    void a_first_assessment_moves_the_reported_case_to_the_status_of_its_colour(RiskLevel colour, CaseStatus expected) {
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
    void a_supervisor_may_assess_and_missing_factors_are_recorded_as_none() {
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
    void a_new_assessment_moves_an_open_case_to_the_status_of_its_colour(CaseStatus from, RiskLevel colour) {
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
    void yellow_after_orange_stays_under_protection_without_a_status_change() {
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
    void red_in_emergency_records_the_assessment_and_keeps_the_status() {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(assessment(RiskLevel.RED), caseworker())
                .expectEvents(new RiskAssessed(CASE_ID, RiskLevel.RED, FACTORS, SUMMARY, NOW))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @EnumSource(value = RiskLevel.class, names = {"GREEN", "YELLOW", "ORANGE"})
    void a_lower_colour_cannot_leave_emergency_without_a_guardian_or_placement(RiskLevel lower) {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(assessment(lower), supervisor())
                .expectException(stateConflict("emergency-needs-care"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = RiskLevel.class, names = {"GREEN", "YELLOW", "ORANGE"})
    void an_entrusted_guardian_on_record_lets_a_lower_colour_leave_emergency(RiskLevel lower) {
        fixture.given(caseIn(CaseStatus.EMERGENCY, guardianRecorded()))
                .when(assessment(lower), caseworker())
                .expectEvents(
                        new RiskAssessed(CASE_ID, lower, FACTORS, SUMMARY, NOW),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.EMERGENCY, lower.status(), lower))
                .expectResultMessagePayload(5L);
    }

    @Test
    void a_guardian_recorded_before_the_emergency_is_still_on_record() {
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
    void a_court_appointed_guardian_lets_a_lower_colour_leave_emergency() {
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
    void a_refused_intervention_puts_no_guardian_on_record() {
        fixture.given(caseIn(CaseStatus.EMERGENCY,
                        interventionFiled(INTERVENTION_ID),
                        courtDecided(INTERVENTION_ID, false)))
                .when(assessment(RiskLevel.YELLOW), caseworker())
                .expectException(stateConflict("emergency-needs-care"))
                .expectNoEvents();
    }

    @Test
    void a_pending_intervention_puts_no_guardian_on_record() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, interventionFiled(INTERVENTION_ID)))
                .when(assessment(RiskLevel.ORANGE), caseworker())
                .expectException(stateConflict("emergency-needs-care"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(Placement.class)
    void a_temporary_care_placement_lets_a_lower_colour_leave_emergency(Placement placement) {
        fixture.given(caseIn(CaseStatus.EMERGENCY, emergencyDeclaredWithPlacement(placement)))
                .when(assessment(RiskLevel.ORANGE), caseworker())
                .expectEvents(
                        new RiskAssessed(CASE_ID, RiskLevel.ORANGE, FACTORS, SUMMARY, NOW),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.EMERGENCY, CaseStatus.UNDER_PROTECTION,
                                RiskLevel.ORANGE))
                .expectResultMessagePayload(5L);
    }

    @Test
    void an_emergency_declared_without_placement_puts_no_care_on_record() {
        fixture.given(caseIn(CaseStatus.EMERGENCY, emergencyDeclaredWithoutPlacement()))
                .when(assessment(RiskLevel.GREEN), caseworker())
                .expectException(stateConflict("emergency-needs-care"))
                .expectNoEvents();
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @Test
    void no_assessment_while_a_closure_request_is_pending() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED))
                .when(assessment(RiskLevel.YELLOW), caseworker())
                .expectException(stateConflict("closure-pending"))
                .expectNoEvents();
    }

    @Test
    void the_colour_is_required() {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(new RecordRiskAssessment(CASE_ID, null, FACTORS, SUMMARY), caseworker())
                .expectException(invalidInput("required", "riskLevel"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void the_summary_is_the_reason_and_is_required(String summary) {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(new RecordRiskAssessment(CASE_ID, RiskLevel.GREEN, FACTORS, summary), caseworker())
                .expectException(invalidInput("required", "summary"))
                .expectNoEvents();
    }

    @Test
    void factors_may_not_contain_empty_entries() {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(new RecordRiskAssessment(CASE_ID, RiskLevel.GREEN,
                        Arrays.asList(RiskFactor.HEALTH, null), SUMMARY), caseworker())
                .expectException(invalidInput("required", "factors"))
                .expectNoEvents();
    }
}
