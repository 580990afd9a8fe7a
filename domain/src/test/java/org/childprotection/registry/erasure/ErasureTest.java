package org.childprotection.registry.erasure;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.closure.CaseReopened;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class ErasureTest extends CaseFixtureTest {

    private static final String REASON = "法院裁定删除该儿童的个人信息。";

    private static RequestErasure request(ErasureBasis basis) {
        return new RequestErasure(CASE_ID, basis, REASON);
    }

    private static ErasureRequested requested(ErasureBasis basis, String by) {
        return new ErasureRequested(CASE_ID, basis, REASON, by, NOW);
    }

    // ---- request ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ErasureBasis.class)
    void a_supervisor_requests_the_erasure_of_a_closed_case_on_any_basis(ErasureBasis basis) {
        fixture.given(caseIn(CaseStatus.CLOSED))
                .when(request(basis), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(basis, SUPERVISOR))
                .expectResultMessagePayload(5L);
    }

    @ParameterizedTest
    @EnumSource(value = ErasureBasis.class, names = "REGISTERED_IN_ERROR", mode = EnumSource.Mode.EXCLUDE)
    void only_a_closed_case_is_erased_on_a_basis_other_than_registration_in_error(ErasureBasis basis) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(request(basis), supervisor())
                .expectException(stateConflict("erasure-needs-closed-case"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"REPORTED", "UNDER_PROTECTION", "EMERGENCY", "CLOSURE_REQUESTED"})
    void a_case_registered_in_error_may_be_erased_in_any_status(CaseStatus status) {
        fixture.given(caseIn(status))
                .when(request(ErasureBasis.REGISTERED_IN_ERROR), supervisor())
                .expectEvents(requested(ErasureBasis.REGISTERED_IN_ERROR, SUPERVISOR));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "SUPERVISOR", mode = EnumSource.Mode.EXCLUDE)
    void only_a_supervisor_requests_an_erasure(Role role) {
        fixture.given(caseIn(CaseStatus.CLOSED))
                .when(request(ErasureBasis.COURT_ORDER), as(role))
                .expectException(notPermitted("supervisor-only"))
                .expectNoEvents();
    }

    @Test
    void the_basis_and_the_reason_are_required() {
        fixture.given(caseIn(CaseStatus.CLOSED))
                .when(new RequestErasure(CASE_ID, null, REASON), supervisor())
                .expectException(invalidInput("required", "basis"))
                .expectNoEvents();
        fixture.given(caseIn(CaseStatus.CLOSED))
                .when(new RequestErasure(CASE_ID, ErasureBasis.COURT_ORDER, " "), supervisor())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    @Test
    void an_erasure_is_requested_only_once() {
        fixture.given(caseIn(CaseStatus.CLOSED, requested(ErasureBasis.COURT_ORDER, SUPERVISOR)))
                .when(request(ErasureBasis.RETENTION_EXPIRED), otherSupervisor())
                .expectException(stateConflict("erasure-already-requested"))
                .expectNoEvents();
    }

    @Test
    void a_case_outside_the_supervisors_jurisdiction_is_not_found() {
        fixture.given(caseIn(CaseStatus.CLOSED))
                .when(request(ErasureBasis.COURT_ORDER), actor("far.supervisor", Role.SUPERVISOR, DISTANT_COUNTY))
                .expectException(outsideJurisdiction())
                .expectNoEvents();
    }

    // ---- decision ----------------------------------------------------------------------------------------------

    @Test
    void another_supervisor_approves_the_erasure() {
        fixture.given(caseIn(CaseStatus.CLOSED, requested(ErasureBasis.COURT_ORDER, SUPERVISOR)))
                .when(new DecideErasure(CASE_ID, true, "核实法院裁定书。"), otherSupervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ErasureApproved(CASE_ID, ErasureBasis.COURT_ORDER, SUPERVISOR, OTHER_SUPERVISOR,
                        "核实法院裁定书。"))
                .expectResultMessagePayload(6L);
    }

    @Test
    void an_oversight_official_approves_the_erasure() {
        fixture.given(caseIn(CaseStatus.CLOSED, requested(ErasureBasis.RETENTION_EXPIRED, SUPERVISOR)))
                .when(new DecideErasure(CASE_ID, true, null), oversight())
                .expectEvents(new ErasureApproved(CASE_ID, ErasureBasis.RETENTION_EXPIRED, SUPERVISOR, OVERSIGHT,
                        null));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void the_requesting_supervisor_may_not_decide(boolean approve) {
        fixture.given(caseIn(CaseStatus.CLOSED, requested(ErasureBasis.COURT_ORDER, SUPERVISOR)))
                .when(new DecideErasure(CASE_ID, approve, null), supervisor())
                .expectException(stateConflict("four-eyes"))
                .expectNoEvents();
    }

    @Test
    void a_caseworker_may_not_decide() {
        fixture.given(caseIn(CaseStatus.CLOSED, requested(ErasureBasis.COURT_ORDER, SUPERVISOR)))
                .when(new DecideErasure(CASE_ID, true, null), caseworker())
                .expectException(notPermitted("supervisor-or-oversight"))
                .expectNoEvents();
    }

    @Test
    void no_decision_without_a_request() {
        fixture.given(caseIn(CaseStatus.CLOSED))
                .when(new DecideErasure(CASE_ID, true, null), otherSupervisor())
                .expectException(stateConflict("no-erasure-request"))
                .expectNoEvents();
    }

    @Test
    void the_decision_is_required() {
        fixture.given(caseIn(CaseStatus.CLOSED, requested(ErasureBasis.COURT_ORDER, SUPERVISOR)))
                .when(new DecideErasure(CASE_ID, null, null), otherSupervisor())
                .expectException(invalidInput("required", "approve"))
                .expectNoEvents();
    }

    @Test
    void a_declined_erasure_leaves_the_case_as_it_was_and_may_be_asked_again() {
        fixture.given(caseIn(CaseStatus.CLOSED, requested(ErasureBasis.COURT_ORDER, SUPERVISOR),
                        new ErasureDeclined(CASE_ID, ErasureBasis.COURT_ORDER, SUPERVISOR, OTHER_SUPERVISOR, null)))
                .when(request(ErasureBasis.COURT_ORDER), supervisor())
                .expectEvents(requested(ErasureBasis.COURT_ORDER, SUPERVISOR));
    }

    @Test
    void approving_an_erasure_of_an_open_case_registered_in_error_closes_it_first() {
        fixture.given(caseIn(CaseStatus.MONITORING, requested(ErasureBasis.REGISTERED_IN_ERROR, SUPERVISOR)))
                .when(new DecideErasure(CASE_ID, true, null), otherSupervisor())
                .expectEvents(new ClosureApproved(CASE_ID, OTHER_SUPERVISOR, SUPERVISOR, null),
                        new ErasureApproved(CASE_ID, ErasureBasis.REGISTERED_IN_ERROR, SUPERVISOR, OTHER_SUPERVISOR,
                                null));
    }

    @Test
    void a_reopened_case_withdraws_the_pending_request() {
        fixture.given(caseIn(CaseStatus.CLOSED, requested(ErasureBasis.RETENTION_EXPIRED, SUPERVISOR),
                        new CaseReopened(CASE_ID, "孩子父母再次外出务工。", NOW)))
                .when(new DecideErasure(CASE_ID, true, null), otherSupervisor())
                .expectException(stateConflict("no-erasure-request"))
                .expectNoEvents();
    }

    // ---- after erasure -----------------------------------------------------------------------------------------

    private static List<Object> erased() {
        return caseIn(CaseStatus.CLOSED, requested(ErasureBasis.COURT_ORDER, SUPERVISOR),
                new ErasureApproved(CASE_ID, ErasureBasis.COURT_ORDER, SUPERVISOR, OTHER_SUPERVISOR, null));
    }

    @Test
    void an_erased_case_cannot_be_reopened() {
        fixture.given(erased())
                .when(new ReopenCase(CASE_ID, "重新立案"), supervisor())
                .expectException(stateConflict("case-erased"))
                .expectNoEvents();
    }

    @Test
    void an_erased_case_takes_no_correction_and_no_second_erasure() {
        fixture.given(erased())
                .when(new CorrectRecord(CASE_ID, "event-1", "child.name", "王小明", "更正"), caseworker())
                .expectException(stateConflict("case-erased"))
                .expectNoEvents();
        fixture.given(erased())
                .when(request(ErasureBasis.COURT_ORDER), supervisor())
                .expectException(stateConflict("case-erased"))
                .expectNoEvents();
    }

    @Test
    void an_erased_case_loads_although_its_personal_fields_read_as_erased() {
        // after the key is gone every personal field deserialises as null; the case must still load to refuse
        fixture.given(recordedBy(CASEWORKER, 0, childRegistered(child().withName(null).withIdNumber(null)
                                .withDateOfBirth(null).withSchool(null), father(), mother())),
                        new ClosureApproved(CASE_ID, SUPERVISOR, CASEWORKER, null),
                        new ErasureApproved(CASE_ID, ErasureBasis.REGISTERED_IN_ERROR, SUPERVISOR, OTHER_SUPERVISOR,
                                null))
                .when(new RecordHomeVisit(CASE_ID, TODAY, VisitorRole.CASEWORKER, true, "看望", List.of()),
                        caseworker())
                .expectException(stateConflict("case-erased"))
                .expectNoEvents();
    }
}
