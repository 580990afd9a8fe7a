package org.childprotection.registry.assignment;

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

import static org.childprotection.registry.childcase.CaseExamples.*;

class AssignmentTest {

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void aSupervisorReassignsTheCaseFromTheRegisteringCaseworker(CaseStatus status) {
        fixture.given(caseIn(status))
                .when(assignment(OTHER_CASEWORKER), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseworkerAssigned(CASE_ID, OTHER_CASEWORKER, CASEWORKER))
                .expectResultMessagePayload((long) caseIn(status).size());
    }

    @Test
    void theRegisteringCaseworkerIsAlreadyAssigned() {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(assignment(CASEWORKER), supervisor())
                .expectException(stateConflict("already-assigned"))
                .expectNoEvents();
    }

    @Test
    void aReassignedCaseworkerIsTheCurrentOne() {
        fixture.given(caseIn(CaseStatus.MONITORING, new CaseworkerAssigned(CASE_ID, OTHER_CASEWORKER, CASEWORKER)))
                .when(assignment(OTHER_CASEWORKER), supervisor())
                .expectException(stateConflict("already-assigned"))
                .expectNoEvents();
    }

    @Test
    void theCaseCanBeGivenBackToThePreviousCaseworker() {
        fixture.given(caseIn(CaseStatus.MONITORING, new CaseworkerAssigned(CASE_ID, OTHER_CASEWORKER, CASEWORKER)))
                .when(assignment(CASEWORKER), otherSupervisor())
                .expectEvents(new CaseworkerAssigned(CASE_ID, CASEWORKER, OTHER_CASEWORKER))
                .expectResultMessagePayload(4L);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "SUPERVISOR", mode = EnumSource.Mode.EXCLUDE)
    void onlyASupervisorMayAssign(Role role) {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(assignment(OTHER_CASEWORKER), as(role))
                .expectException(notPermitted("supervisor-only"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void theCaseworkerIsRequired(String caseworker) {
        fixture.given(caseIn(CaseStatus.REPORTED))
                .when(assignment(caseworker), supervisor())
                .expectException(invalidInput("required", "caseworker"))
                .expectNoEvents();
    }
}
