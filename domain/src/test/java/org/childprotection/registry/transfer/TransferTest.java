package org.childprotection.registry.transfer;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class TransferTest extends CaseFixtureTest {

    private static final String REASON = "孩子随祖母搬到邻村居住。";
    private static final String NOTE = "已安排本乡社工接手。";

    /** A case whose transfer to the distant village was accepted. */
    private static List<Object> acceptedHistory() {
        return caseIn(CaseStatus.MONITORING, transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR),
                new TransferAccepted(CASE_ID, VILLAGE_CODE, DISTANT_VILLAGE_CODE, SUPERVISOR, RECEIVING_SUPERVISOR, null,
                        CASEWORKER));
    }

    // ---- request -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void a_supervisor_of_the_case_requests_a_transfer_and_nothing_moves_yet(CaseStatus status) {
        List<Object> history = caseIn(status);

        fixture.given(history)
                .when(transfer(DISTANT_VILLAGE_CODE), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransferRequested(CASE_ID, VILLAGE_CODE, DISTANT_VILLAGE_CODE, REASON, SUPERVISOR))
                .expectResultMessagePayload((long) history.size());
    }

    @Test
    void one_pending_transfer_at_a_time() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR)))
                .when(transfer(OTHER_VILLAGE_CODE), otherSupervisor())
                .expectException(stateConflict("transfer-already-requested"))
                .expectNoEvents();
    }

    @Test
    void a_case_is_not_transferred_to_its_own_village() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(transfer(VILLAGE_CODE), supervisor())
                .expectException(stateConflict("same-village"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"4211261052", "42112610520", "4211261052031", "42112610520X", "421126 105203",
            "４２１１２６１０５２０３"})
    void the_new_village_code_must_be_twelve_digits(String code) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(transfer(code), supervisor())
                .expectException(invalidInput("village-code", "villageCode"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void a_reason_is_required(String reason) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RequestTransfer(CASE_ID, OTHER_VILLAGE_CODE, reason), supervisor())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    // ---- decision ------------------------------------------------------------------------------------------

    @Test
    void a_supervisor_of_the_destination_accepts_and_the_case_moves_without_its_caseworker() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR)))
                .when(transferAcceptance(), receivingSupervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransferAccepted(CASE_ID, VILLAGE_CODE, DISTANT_VILLAGE_CODE, SUPERVISOR,
                        RECEIVING_SUPERVISOR, NOTE, CASEWORKER))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_supervisor_of_the_destination_declines_and_the_case_stays() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR)))
                .when(new DecideTransfer(CASE_ID, false, "  "), receivingSupervisor())
                .expectEvents(new TransferDeclined(CASE_ID, DISTANT_VILLAGE_CODE, SUPERVISOR, RECEIVING_SUPERVISOR,
                        null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void an_accepted_case_belongs_to_the_receiving_side_which_assigns_its_caseworker() {
        fixture.given(acceptedHistory())
                .when(assignment(CASEWORKER), receivingSupervisor())
                .expectEvents(new org.childprotection.registry.assignment.CaseworkerAssigned(CASE_ID, CASEWORKER,
                        null))
                .expectResultMessagePayload(5L);
    }

    @Test
    void the_sending_side_no_longer_reaches_an_accepted_case() {
        fixture.given(acceptedHistory())
                .when(homeVisit(TODAY), caseworker())
                .expectException(outsideJurisdiction())
                .expectNoEvents();
    }

    @Test
    void after_a_decline_the_case_keeps_its_caseworker_and_may_be_transferred_again() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR),
                        new TransferDeclined(CASE_ID, DISTANT_VILLAGE_CODE, SUPERVISOR, RECEIVING_SUPERVISOR, null)))
                .when(transfer(OTHER_VILLAGE_CODE), supervisor())
                .expectEvents(new TransferRequested(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, REASON, SUPERVISOR))
                .expectResultMessagePayload(5L);
    }

    @Test
    void a_decided_transfer_cannot_be_decided_again() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(OTHER_VILLAGE_CODE, SUPERVISOR),
                        new TransferDeclined(CASE_ID, OTHER_VILLAGE_CODE, SUPERVISOR, OTHER_SUPERVISOR, null)))
                .when(transferAcceptance(), otherSupervisor())
                .expectException(stateConflict("no-transfer-request"))
                .expectNoEvents();
    }

    @Test
    void no_decision_without_a_request() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(transferAcceptance(), supervisor())
                .expectException(stateConflict("no-transfer-request"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void the_requesting_supervisor_may_not_decide_even_when_they_cover_the_destination(boolean accept) {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(OTHER_VILLAGE_CODE, SUPERVISOR)))
                .when(new DecideTransfer(CASE_ID, accept, null), supervisor())
                .expectException(notPermitted("four-eyes"))
                .expectNoEvents();
    }

    @Test
    void another_supervisor_covering_the_destination_decides_a_transfer_within_the_county() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(OTHER_VILLAGE_CODE, SUPERVISOR)))
                .when(transferAcceptance(), otherSupervisor())
                .expectEvents(new TransferAccepted(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, SUPERVISOR,
                        OTHER_SUPERVISOR, NOTE, CASEWORKER));
    }

    @Test
    void only_the_receiving_side_decides() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR)))
                .when(transferAcceptance(), otherSupervisor())
                .expectException(notPermitted("receiving-side"))
                .expectNoEvents();
    }

    @Test
    void the_decision_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR)))
                .when(new DecideTransfer(CASE_ID, null, NOTE), receivingSupervisor())
                .expectException(invalidInput("required", "accept"))
                .expectNoEvents();
    }

    @Test
    void the_receiving_side_reaches_nothing_but_the_decision_while_the_transfer_is_pending() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR)))
                .when(assignment(OTHER_CASEWORKER), receivingSupervisor())
                .expectException(outsideJurisdiction())
                .expectNoEvents();
    }

    @Test
    void a_supervisor_of_neither_side_does_not_find_the_case() {
        fixture.given(caseIn(CaseStatus.MONITORING, transferRequested(DISTANT_VILLAGE_CODE, SUPERVISOR)))
                .when(transferAcceptance(), actor("qian.supervisor", Role.SUPERVISOR, "4202"))
                .expectException(outsideJurisdiction())
                .expectNoEvents();
    }

    // ---- the one-step transfer of earlier versions --------------------------------------------------------------

    @Test
    void a_case_transferred_in_one_step_by_an_earlier_version_belongs_to_its_new_village() {
        fixture.given(caseIn(CaseStatus.MONITORING,
                        new CaseTransferred(CASE_ID, VILLAGE_CODE, DISTANT_VILLAGE_CODE, REASON)))
                .when(homeVisit(TODAY), actor(CASEWORKER, Role.CASEWORKER, DISTANT_COUNTY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(4L);
    }
}
