package org.childprotection.registry.emergency;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class EmergencyTest extends CaseFixtureTest {

    private static final List<EmergencyAction> ACTIONS =
            List.of(EmergencyAction.MISSING_CHILD_SEARCH, EmergencyAction.POLICE_INTERVENTION);
    private static final String REASON = "孩子夜间未归，村委会已报警。";

    // ---- success ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"REPORTED", "MONITORING", "UNDER_PROTECTION", "CLOSURE_REQUESTED"})
    void an_emergency_moves_any_open_case_to_emergency(CaseStatus from) {
        List<Object> history = caseIn(from);

        fixture.given(history)
                .when(emergency(), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new EmergencyDeclared(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, ACTIONS, null,
                                REASON, NOW),
                        new ProtectionStatusChanged(CASE_ID, from, CaseStatus.EMERGENCY, null))
                .expectResultMessagePayload((long) history.size() + 1);
    }

    @Test
    void a_further_emergency_in_emergency_records_the_actions_without_a_status_change() {
        DeclareEmergency placement = new DeclareEmergency(CASE_ID,
                MandatoryReportingTrigger.GUARDIAN_INCAPABLE_OR_NEGLECTFUL,
                List.of(EmergencyAction.TEMPORARY_CARE_PLACEMENT, EmergencyAction.PARENTS_ORDERED_TO_RETURN),
                Placement.RELIEF_STATION, "祖母住院，孩子暂送救助站。");

        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(placement, supervisor())
                .expectEvents(new EmergencyDeclared(CASE_ID, MandatoryReportingTrigger.GUARDIAN_INCAPABLE_OR_NEGLECTFUL,
                        List.of(EmergencyAction.TEMPORARY_CARE_PLACEMENT, EmergencyAction.PARENTS_ORDERED_TO_RETURN),
                        Placement.RELIEF_STATION, "祖母住院，孩子暂送救助站。", NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void an_emergency_withdraws_a_pending_closure_request() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED,
                        emergencyDeclaredWithoutPlacement(),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.CLOSURE_REQUESTED, CaseStatus.EMERGENCY,
                                null)))
                .when(approval(), supervisor())
                .expectException(stateConflict("no-closure-request"))
                .expectNoEvents();
    }

    @Test
    void after_a_withdrawn_request_the_emergency_case_cannot_be_closed() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED,
                        emergencyDeclaredWithoutPlacement(),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.CLOSURE_REQUESTED, CaseStatus.EMERGENCY,
                                null)))
                .when(closureRequest(), caseworker())
                .expectException(stateConflict("emergency-cannot-close"))
                .expectNoEvents();
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @Test
    void the_trigger_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, null, ACTIONS, null, REASON), caseworker())
                .expectException(invalidInput("required", "trigger"))
                .expectNoEvents();
    }

    @Test
    void at_least_one_action_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, List.of(), null,
                        REASON), caseworker())
                .expectException(invalidInput("required", "actions"))
                .expectNoEvents();
    }

    @Test
    void actions_are_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, null, null,
                        REASON), caseworker())
                .expectException(invalidInput("required", "actions"))
                .expectNoEvents();
    }

    @Test
    void actions_may_not_contain_empty_entries() {
        List<EmergencyAction> withNull = new ArrayList<>(Arrays.asList(EmergencyAction.POLICE_INTERVENTION, null));

        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, withNull, null,
                        REASON), caseworker())
                .expectException(invalidInput("required", "actions"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void a_reason_is_required(String reason) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, ACTIONS, null,
                        reason), caseworker())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    @Test
    void a_temporary_care_placement_must_say_where() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.GUARDIAN_INCAPABLE_OR_NEGLECTFUL,
                        List.of(EmergencyAction.TEMPORARY_CARE_PLACEMENT), null, REASON), caseworker())
                .expectException(invalidInput("placement-required", "placement"))
                .expectNoEvents();
    }

    @Test
    void a_placement_needs_the_temporary_care_action() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, ACTIONS,
                        Placement.SHELTER, REASON), caseworker())
                .expectException(invalidInput("placement-without-action", "placement"))
                .expectNoEvents();
    }
}
