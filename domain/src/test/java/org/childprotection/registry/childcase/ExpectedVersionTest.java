package org.childprotection.registry.childcase;

import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.StaleVersion;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

/** A command based on an older version of the case is refused; one based on the current version is carried out. */
class ExpectedVersionTest extends CaseFixtureTest {

    @Test
    void a_command_based_on_the_current_version_is_carried_out() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(visit(), caseworker().and(CaseMetadata.EXPECTED_VERSION, 2L))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_command_based_on_an_older_version_is_refused_and_nothing_is_recorded() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(visit(), caseworker().and(CaseMetadata.EXPECTED_VERSION, 1L))
                .expectException(StaleVersion.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("version 2"))
                .expectNoEvents();
    }

    @Test
    void a_version_ahead_of_the_case_is_refused_too() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(visit(), caseworker().and(CaseMetadata.EXPECTED_VERSION, "7"))
                .expectException(StaleVersion.class)
                .expectNoEvents();
    }

    private static RecordHomeVisit visit() {
        return new RecordHomeVisit(CASE_ID, TODAY, VisitorRole.CASEWORKER, true, "孩子在家", List.of());
    }
}
