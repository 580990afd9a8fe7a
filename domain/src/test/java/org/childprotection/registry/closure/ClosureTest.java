package org.childprotection.registry.closure;

import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.referral.ReferralOutcome;
import org.childprotection.registry.registration.RegisterChild;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.childcase.CaseExamples.*;

class ClosureTest {

    private static final String NOTE = "母亲已返乡照顾孩子。";

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    // ---- request ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"MONITORING", "UNDER_PROTECTION"})
    void closureMayBeRequestedForAMonitoredOrProtectedCase(CaseStatus status) {
        fixture.given(caseIn(status))
                .when(closureRequest(), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClosureRequested(CASE_ID, ClosureReason.PARENTS_RETURNED, NOTE, CASEWORKER, status))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @EnumSource(ClosureReason.class)
    void everyClosureReasonCanBeGivenAndTheNoteIsOptional(ClosureReason reason) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RequestClosure(CASE_ID, reason, "  "), supervisor())
                .expectEvents(new ClosureRequested(CASE_ID, reason, null, SUPERVISOR, CaseStatus.MONITORING))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aReportedCaseMustBeAssessedBeforeClosure() {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(closureRequest(), caseworker())
                .expectException(stateConflict("closure-needs-assessment"))
                .expectNoEvents();
    }

    @Test
    void anEmergencyCaseCannotBeClosed() {
        fixture.given(caseIn(CaseStatus.EMERGENCY))
                .when(closureRequest(), supervisor())
                .expectException(stateConflict("emergency-cannot-close"))
                .expectNoEvents();
    }

    @Test
    void closureIsRequestedOnlyOnce() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED))
                .when(closureRequest(), otherCaseworker())
                .expectException(stateConflict("closure-already-requested"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OVERSIGHT", "MAINTAINER"})
    void readOnlyRolesMayNotRequestClosure(Role role) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(closureRequest(), as(role))
                .expectException(notPermitted("role"))
                .expectNoEvents();
    }

    @Test
    void theClosureReasonIsRequired() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RequestClosure(CASE_ID, null, NOTE), caseworker())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    // ---- approval ----------------------------------------------------------------------------------------------

    @Test
    void anotherSupervisorApprovesTheClosure() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED))
                .when(approval(), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClosureApproved(CASE_ID, SUPERVISOR, CASEWORKER, "核实母亲已返乡。"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aSupervisorsRequestIsApprovedByAnotherSupervisor() {
        fixture.given(caseIn(CaseStatus.MONITORING, closureRequested(SUPERVISOR, CaseStatus.MONITORING)))
                .when(new DecideClosure(CASE_ID, true, null), otherSupervisor())
                .expectEvents(new ClosureApproved(CASE_ID, OTHER_SUPERVISOR, SUPERVISOR, null))
                .expectResultMessagePayload(4L);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theRequestingSupervisorMayNotDecide(boolean approve) {
        fixture.given(caseIn(CaseStatus.MONITORING, closureRequested(SUPERVISOR, CaseStatus.MONITORING)))
                .when(new DecideClosure(CASE_ID, approve, null), supervisor())
                .expectException(notPermitted("four-eyes"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "SUPERVISOR", mode = EnumSource.Mode.EXCLUDE)
    void onlyASupervisorMayDecide(Role role) {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED))
                .when(approval(), as(role))
                .expectException(notPermitted("supervisor-only"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"REPORTED", "MONITORING", "UNDER_PROTECTION", "EMERGENCY"})
    void noDecisionWithoutARequest(CaseStatus status) {
        fixture.given(caseIn(status))
                .when(approval(), supervisor())
                .expectException(stateConflict("no-closure-request"))
                .expectNoEvents();
    }

    // ---- rejection --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"MONITORING", "UNDER_PROTECTION"})
    void aRejectionReturnsTheCaseToItsStatusBeforeTheRequest(CaseStatus before) {
        fixture.given(caseIn(before, closureRequested(CASEWORKER, before)))
                .when(rejection(), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClosureRejected(CASE_ID, SUPERVISOR, "母亲仅短期返乡，继续跟进。", before))
                .expectResultMessagePayload(4L);
    }

    @Test
    void afterARejectionTheCaseIsUnderProtectionAgain() {
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
    void afterARejectionClosureMayBeRequestedAgain() {
        fixture.given(caseIn(CaseStatus.UNDER_PROTECTION,
                        closureRequested(CASEWORKER, CaseStatus.UNDER_PROTECTION),
                        new ClosureRejected(CASE_ID, SUPERVISOR, null, CaseStatus.UNDER_PROTECTION)))
                .when(closureRequest(), caseworker())
                .expectEvents(new ClosureRequested(CASE_ID, ClosureReason.PARENTS_RETURNED, NOTE, CASEWORKER,
                        CaseStatus.UNDER_PROTECTION))
                .expectResultMessagePayload(5L);
    }

    @Test
    void aRejectedRequestCannotBeDecidedAgain() {
        fixture.given(caseIn(CaseStatus.CLOSURE_REQUESTED,
                        new ClosureRejected(CASE_ID, SUPERVISOR, null, CaseStatus.MONITORING)))
                .when(approval(), otherSupervisor())
                .expectException(stateConflict("no-closure-request"))
                .expectNoEvents();
    }

    // ---- a closed case ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsOnAnExistingCase")
    void aClosedCaseAcceptsNoCommandButReopeningAndCorrection(String name, Object command) {
        fixture.given(caseIn(CaseStatus.CLOSED, serviceReferred(REFERRAL_ID), interventionFiled(INTERVENTION_ID)))
                .when(command, supervisor())
                .expectException(stateConflict("case-closed"))
                .expectNoEvents();
    }

    static Stream<Arguments> commandsOnAnExistingCase() {
        return Stream.of(
                        assessment(RiskLevel.GREEN),
                        assignment(OTHER_CASEWORKER),
                        entrustedGuardian(),
                        homeVisit(TODAY),
                        parentalContact(TODAY, ParentRole.MOTHER),
                        referral("ref-2"),
                        referralOutcome(REFERRAL_ID, ReferralOutcome.COMPLETED),
                        emergency(),
                        intervention("int-2"),
                        courtGrant(INTERVENTION_ID),
                        closureRequest(),
                        approval(),
                        transfer(OTHER_VILLAGE_CODE))
                .map(command -> Arguments.of(command.getClass().getSimpleName(), command));
    }

    @Test
    void everyCommandButRegistrationReopeningAndCorrectionIsTriedOnAClosedCase() {
        Set<Class<?>> handled = AnnotatedAggregateMetaModelFactory.inspectAggregate(ChildCase.class)
                .commandHandlers(ChildCase.class)
                .map(MessageHandlingMember::payloadType)
                .collect(Collectors.toSet());
        Set<Class<?>> tried = commandsOnAnExistingCase()
                .map(arguments -> arguments.get()[1].getClass())
                .collect(Collectors.toSet());

        assertThat(tried)
                .doesNotContain(RegisterChild.class, ReopenCase.class, CorrectRecord.class)
                .hasSize(handled.size() - 3);
        assertThat(handled).containsAll(tried).contains(RegisterChild.class, ReopenCase.class, CorrectRecord.class);
    }
}
