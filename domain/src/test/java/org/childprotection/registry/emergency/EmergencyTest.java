package org.childprotection.registry.emergency;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class EmergencyTest {

    private static final List<EmergencyAction> ACTIONS =
            List.of(EmergencyAction.MISSING_CHILD_SEARCH, EmergencyAction.POLICE_INTERVENTION);
    private static final String REASON = "孩子夜间未归，村委会已报警。";

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    // ---- success ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"REPORTED", "MONITORING", "UNDER_PROTECTION", "CLOSURE_REQUESTED"})
    void anEmergencyMovesAnyOpenCaseToEmergency(CaseStatus from) {
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
    void aFurtherEmergencyInEmergencyRecordsTheActionsWithoutAStatusChange() {
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
    void anEmergencyWithdrawsAPendingClosureRequest() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED,
                        emergencyDeclaredWithoutPlacement(),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.CLOSURE_REQUESTED, CaseStatus.EMERGENCY,
                                null)))
                .when(approval(), supervisor())
                .expectException(stateConflict("no-closure-request"))
                .expectNoEvents();
    }

    @Test
    void afterAWithdrawnRequestTheEmergencyCaseCannotBeClosed() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED,
                        emergencyDeclaredWithoutPlacement(),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.CLOSURE_REQUESTED, CaseStatus.EMERGENCY,
                                null)))
                .when(closureRequest(), caseworker())
                .expectException(stateConflict("emergency-cannot-close"))
                .expectNoEvents();
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OVERSIGHT", "MAINTAINER"})
    void readOnlyRolesMayNotDeclareAnEmergency(Role role) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(emergency(), as(role))
                .expectException(notPermitted("role"))
                .expectNoEvents();
    }

    @Test
    void theTriggerIsRequired() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, null, ACTIONS, null, REASON), caseworker())
                .expectException(invalidInput("required", "trigger"))
                .expectNoEvents();
    }

    @Test
    void atLeastOneActionIsRequired() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, List.of(), null,
                        REASON), caseworker())
                .expectException(invalidInput("required", "actions"))
                .expectNoEvents();
    }

    @Test
    void actionsAreRequired() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, null, null,
                        REASON), caseworker())
                .expectException(invalidInput("required", "actions"))
                .expectNoEvents();
    }

    @Test
    void actionsMayNotContainEmptyEntries() {
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
    void aReasonIsRequired(String reason) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, ACTIONS, null,
                        reason), caseworker())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    @Test
    void aTemporaryCarePlacementMustSayWhere() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.GUARDIAN_INCAPABLE_OR_NEGLECTFUL,
                        List.of(EmergencyAction.TEMPORARY_CARE_PLACEMENT), null, REASON), caseworker())
                .expectException(invalidInput("placement-required", "placement"))
                .expectNoEvents();
    }

    @Test
    void aPlacementNeedsTheTemporaryCareAction() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new DeclareEmergency(CASE_ID, MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, ACTIONS,
                        Placement.SHELTER, REASON), caseworker())
                .expectException(invalidInput("placement-without-action", "placement"))
                .expectNoEvents();
    }
}
