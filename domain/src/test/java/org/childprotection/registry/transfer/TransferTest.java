package org.childprotection.registry.transfer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ChildCase;
import org.childprotection.registry.kernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class TransferTest {

    private static final String REASON = "孩子随祖母搬到邻村居住。";

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void aSupervisorTransfersAnOpenCaseToAnotherVillage(CaseStatus status) {
        List<Object> history = caseIn(status);

        fixture.given(history)
                .when(transfer(OTHER_VILLAGE_CODE), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseTransferred(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, REASON))
                .expectResultMessagePayload((long) history.size());
    }

    @Test
    void aTransferredCaseBelongsToItsNewVillage() {
        fixture.given(caseIn(CaseStatus.MONITORING,
                        new CaseTransferred(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, REASON)))
                .when(transfer(OTHER_VILLAGE_CODE), supervisor())
                .expectException(stateConflict("same-village"))
                .expectNoEvents();
    }

    @Test
    void aTransferredCaseCanMoveBack() {
        fixture.given(caseIn(CaseStatus.MONITORING,
                        new CaseTransferred(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, REASON)))
                .when(new TransferCase(CASE_ID, VILLAGE_CODE, "祖母搬回原村。"), otherSupervisor())
                .expectEvents(new CaseTransferred(CASE_ID, OTHER_VILLAGE_CODE, VILLAGE_CODE, "祖母搬回原村。"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aCaseIsNotTransferredToItsOwnVillage() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(transfer(VILLAGE_CODE), supervisor())
                .expectException(stateConflict("same-village"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "SUPERVISOR", mode = EnumSource.Mode.EXCLUDE)
    void onlyASupervisorMayTransfer(Role role) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(transfer(OTHER_VILLAGE_CODE), as(role))
                .expectException(notPermitted("supervisor-only"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"4211261052", "42112610520", "4211261052031", "42112610520X", "421126 105203",
            "４２１１２６１０５２０３"})
    void theNewVillageCodeMustBeTwelveDigits(String code) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(transfer(code), supervisor())
                .expectException(invalidInput("village-code", "villageCode"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aReasonIsRequired(String reason) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new TransferCase(CASE_ID, OTHER_VILLAGE_CODE, reason), supervisor())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }
}
