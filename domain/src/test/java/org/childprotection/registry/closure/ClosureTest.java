package org.childprotection.registry.closure;

import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class ClosureTest extends CaseFixtureTest {

    private static final String NOTE = "母亲已返乡照顾孩子。";

    // ---- request ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"MONITORING", "UNDER_PROTECTION"})
    void closure_may_be_requested_for_a_monitored_or_protected_case(CaseStatus status) {
        fixture.given(caseIn(status))
                .when(closureRequest(), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClosureRequested(CASE_ID, ClosureReason.PARENTS_RETURNED, NOTE, CASEWORKER, status))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @EnumSource(ClosureReason.class)
    void every_closure_reason_can_be_given_and_the_note_is_optional(ClosureReason reason) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RequestClosure(CASE_ID, reason, "  "), supervisor())
                .expectEvents(new ClosureRequested(CASE_ID, reason, null, SUPERVISOR, CaseStatus.MONITORING))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_reported_case_must_be_assessed_before_closure() {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(closureRequest(), caseworker())
                .expectException(stateConflict("closure-needs-assessment"))
                .expectNoEvents();
    }

    @Test
    void an_emergency_case_cannot_be_closed() {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(closureRequest(), supervisor())
                .expectException(stateConflict("emergency-cannot-close"))
                .expectNoEvents();
    }

    @Test
    void closure_is_requested_only_once() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED))
                .when(closureRequest(), otherCaseworker())
                .expectException(stateConflict("closure-already-requested"))
                .expectNoEvents();
    }

    @Test
    void the_closure_reason_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RequestClosure(CASE_ID, null, NOTE), caseworker())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    // ---- approval ----------------------------------------------------------------------------------------------

    @Test
    void another_supervisor_approves_the_closure() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED))
                .when(approval(), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClosureApproved(CASE_ID, SUPERVISOR, CASEWORKER, "核实母亲已返乡。"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_supervisors_request_is_approved_by_another_supervisor() {
        fixture.given(caseIn(CaseStatus.MONITORING, closureRequested(SUPERVISOR, CaseStatus.MONITORING)))
                .when(new DecideClosure(CASE_ID, true, null), otherSupervisor())
                .expectEvents(new ClosureApproved(CASE_ID, OTHER_SUPERVISOR, SUPERVISOR, null))
                .expectResultMessagePayload(4L);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void the_requesting_supervisor_may_not_decide(boolean approve) {
        fixture.given(caseIn(CaseStatus.MONITORING, closureRequested(SUPERVISOR, CaseStatus.MONITORING)))
                .when(new DecideClosure(CASE_ID, approve, null), supervisor())
                .expectException(notPermitted("four-eyes"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"REPORTED", "MONITORING", "UNDER_PROTECTION", "EMERGENCY"})
    void no_decision_without_a_request(CaseStatus status) {
        fixture.given(caseIn(status))
                .when(approval(), supervisor())
                .expectException(stateConflict("no-closure-request"))
                .expectNoEvents();
    }

    // ---- rejection --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"MONITORING", "UNDER_PROTECTION"})
    void a_rejection_returns_the_case_to_its_status_before_the_request(CaseStatus before) {
        fixture.given(caseIn(before, closureRequested(CASEWORKER, before)))
                .when(rejection(), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClosureRejected(CASE_ID, SUPERVISOR, "母亲仅短期返乡，继续跟进。", before))
                .expectResultMessagePayload(4L);
    }

    @Test
    void after_a_rejection_the_case_is_under_protection_again() {
        // a YELLOW assessment of an UNDER_PROTECTION case changes no status
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION,
                        closureRequested(CASEWORKER, CaseStatus.UNDER_PROTECTION),
                        new ClosureRejected(CASE_ID, SUPERVISOR, null, CaseStatus.UNDER_PROTECTION)))
                .when(assessment(RiskLevel.YELLOW), caseworker())
                .expectEvents(new RiskAssessed(CASE_ID, RiskLevel.YELLOW,
                        List.of(RiskFactor.LIVES_ALONE, RiskFactor.NO_PARENTAL_CONTACT),
                        "祖母年迈，孩子基本独自生活；父母每月只通话一次。", NOW))
                .expectResultMessagePayload(5L);
    }

    @Test
    void after_a_rejection_closure_may_be_requested_again() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION,
                        closureRequested(CASEWORKER, CaseStatus.UNDER_PROTECTION),
                        new ClosureRejected(CASE_ID, SUPERVISOR, null, CaseStatus.UNDER_PROTECTION)))
                .when(closureRequest(), caseworker())
                .expectEvents(new ClosureRequested(CASE_ID, ClosureReason.PARENTS_RETURNED, NOTE, CASEWORKER,
                        CaseStatus.UNDER_PROTECTION))
                .expectResultMessagePayload(5L);
    }

    @Test
    void a_rejected_request_cannot_be_decided_again() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED,
                        new ClosureRejected(CASE_ID, SUPERVISOR, null, CaseStatus.MONITORING)))
                .when(approval(), otherSupervisor())
                .expectException(stateConflict("no-closure-request"))
                .expectNoEvents();
    }

    /** An absent decision is not a rejection; and it is named before the case is asked whether a request awaits. */
    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"CLOSURE_REQUESTED", "MONITORING"})
    void the_decision_is_required(CaseStatus status) {
        fixture.given(caseIn(status))
                .when(new DecideClosure(CASE_ID, null, "同意"), otherSupervisor())
                .expectException(invalidInput("required", "approve"))
                .expectNoEvents();
    }
}
