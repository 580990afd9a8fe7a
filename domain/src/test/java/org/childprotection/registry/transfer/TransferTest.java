package org.childprotection.registry.transfer;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.kernel.CaseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class TransferTest extends CaseFixtureTest {

    private static final String REASON = "孩子随祖母搬到邻村居住。";

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void a_supervisor_transfers_an_open_case_to_another_village(CaseStatus status) {
        List<Object> history = caseIn(status);

        fixture.given(history)
                .when(transfer(OTHER_VILLAGE_CODE), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseTransferred(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, REASON))
                .expectResultMessagePayload((long) history.size());
    }

    @Test
    void a_transferred_case_belongs_to_its_new_village() {
        fixture.given(caseIn(CaseStatus.MONITORING,
                        new CaseTransferred(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, REASON)))
                .when(transfer(OTHER_VILLAGE_CODE), supervisor())
                .expectException(stateConflict("same-village"))
                .expectNoEvents();
    }

    @Test
    void a_transferred_case_can_move_back() {
        fixture.given(caseIn(CaseStatus.MONITORING,
                        new CaseTransferred(CASE_ID, VILLAGE_CODE, OTHER_VILLAGE_CODE, REASON)))
                .when(new TransferCase(CASE_ID, VILLAGE_CODE, "祖母搬回原村。"), otherSupervisor())
                .expectEvents(new CaseTransferred(CASE_ID, OTHER_VILLAGE_CODE, VILLAGE_CODE, "祖母搬回原村。"))
                .expectResultMessagePayload(4L);
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
                .when(new TransferCase(CASE_ID, OTHER_VILLAGE_CODE, reason), supervisor())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }
}
