package org.childprotection.registry.childcase;

import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.StaleVersion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

/** A command based on an older version of the case is refused; one based on the current version is carried out. */
class ExpectedVersionTest {

    private AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void aCommandBasedOnTheCurrentVersionIsCarriedOut() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(visit(), caseworker().and(CaseMetadata.EXPECTED_VERSION, 2L))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(3L);
    }

    @Test
    void aCommandBasedOnAnOlderVersionIsRefusedAndNothingIsRecorded() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(visit(), caseworker().and(CaseMetadata.EXPECTED_VERSION, 1L))
                .expectException(StaleVersion.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("version 2"))
                .expectNoEvents();
    }

    @Test
    void aVersionAheadOfTheCaseIsRefusedToo() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(visit(), caseworker().and(CaseMetadata.EXPECTED_VERSION, "7"))
                .expectException(StaleVersion.class)
                .expectNoEvents();
    }

    private static RecordHomeVisit visit() {
        return new RecordHomeVisit(CASE_ID, TODAY, VisitorRole.CASEWORKER, true, "孩子在家", List.of());
    }
}
