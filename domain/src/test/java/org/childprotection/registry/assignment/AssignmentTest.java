package org.childprotection.registry.assignment;

import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.kernel.CaseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class AssignmentTest extends CaseFixtureTest {

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void a_supervisor_reassigns_the_case_from_the_registering_caseworker(CaseStatus status) {
        fixture.given(caseIn(status))
                .when(assignment(OTHER_CASEWORKER), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseworkerAssigned(CASE_ID, OTHER_CASEWORKER, CASEWORKER))
                .expectResultMessagePayload((long) caseIn(status).size());
    }

    @Test
    void the_registering_caseworker_is_already_assigned() {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(assignment(CASEWORKER), supervisor())
                .expectException(stateConflict("already-assigned"))
                .expectNoEvents();
    }

    @Test
    void a_reassigned_caseworker_is_the_current_one() {
        fixture.given(caseIn(CaseStatus.MONITORING, new CaseworkerAssigned(CASE_ID, OTHER_CASEWORKER, CASEWORKER)))
                .when(assignment(OTHER_CASEWORKER), supervisor())
                .expectException(stateConflict("already-assigned"))
                .expectNoEvents();
    }

    @Test
    void the_case_can_be_given_back_to_the_previous_caseworker() {
        fixture.given(caseIn(CaseStatus.MONITORING, new CaseworkerAssigned(CASE_ID, OTHER_CASEWORKER, CASEWORKER)))
                .when(assignment(CASEWORKER), otherSupervisor())
                .expectEvents(new CaseworkerAssigned(CASE_ID, CASEWORKER, OTHER_CASEWORKER))
                .expectResultMessagePayload(4L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void the_caseworker_is_required(String caseworker) {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(assignment(caseworker), supervisor())
                .expectException(invalidInput("required", "caseworker"))
                .expectNoEvents();
    }

    /** The API sends the assignee's jurisdictions; the case judges them by the village it knows itself. */
    @Test
    void the_assignee_must_work_in_the_case_s_village_as_the_case_knows_it() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(assignment(OTHER_CASEWORKER), supervisor()
                        .and(CaseMetadata.ASSIGNEE_JURISDICTIONS, List.of(DISTANT_COUNTY, "4202")))
                .expectException(invalidInput("caseworker-jurisdiction", "caseworker"))
                .expectNoEvents();
    }

    @Test
    void an_assignee_covering_the_case_s_village_is_assigned() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(assignment(OTHER_CASEWORKER), supervisor()
                        .and(CaseMetadata.ASSIGNEE_JURISDICTIONS, List.of(DISTANT_COUNTY, VILLAGE_CODE.substring(0, 9))))
                .expectEvents(new CaseworkerAssigned(CASE_ID, OTHER_CASEWORKER, CASEWORKER));
    }
}
