package org.childprotection.registry.closure;

import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class ReopeningTest extends CaseFixtureTest {

    private static final String REASON = "母亲再次外出务工，孩子又无人照料。";

    @Test
    void a_supervisor_reopens_a_closed_case() {
        fixture.given(caseIn(CaseStatus.CLOSED))
                .when(reopening(), supervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseReopened(CASE_ID, REASON, NOW))
                .expectResultMessagePayload(5L);
    }

    @Test
    void a_reopened_case_is_reported_and_needs_a_new_assessment() {
        fixture.given(caseIn(CaseStatus.CLOSED, new CaseReopened(CASE_ID, REASON, NOW)))
                .when(assessment(RiskLevel.ORANGE), caseworker())
                .expectEvents(
                        new RiskAssessed(CASE_ID, RiskLevel.ORANGE,
                                List.of(RiskFactor.LIVES_ALONE, RiskFactor.NO_PARENTAL_CONTACT),
                                "祖母年迈，孩子基本独自生活；父母每月只通话一次。", NOW),
                        new ProtectionStatusChanged(CASE_ID, CaseStatus.REPORTED, CaseStatus.UNDER_PROTECTION,
                                RiskLevel.ORANGE))
                .expectResultMessagePayload(7L);
    }

    @Test
    void a_reopened_case_cannot_be_closed_before_it_is_assessed() {
        fixture.given(caseIn(CaseStatus.CLOSED, new CaseReopened(CASE_ID, REASON, NOW)))
                .when(closureRequest(), caseworker())
                .expectException(stateConflict("closure-needs-assessment"))
                .expectNoEvents();
    }

    @Test
    void a_reopened_case_accepts_case_work_again() {
        fixture.given(caseIn(CaseStatus.CLOSED, new CaseReopened(CASE_ID, REASON, NOW)))
                .when(homeVisit(TODAY), caseworker())
                .expectEvents(new HomeVisitRecorded(CASE_ID, TODAY, VisitorRole.CHILDREN_DIRECTOR, true,
                        "孩子在家写作业，冰箱里有食物。", List.of(RiskFactor.NO_PARENTAL_CONTACT)))
                .expectResultMessagePayload(6L);
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void only_a_closed_case_can_be_reopened(CaseStatus status) {
        fixture.given(caseIn(status))
                .when(reopening(), supervisor())
                .expectException(stateConflict("not-closed"))
                .expectNoEvents();
    }

    @Test
    void a_reopened_case_is_open_again() {
        fixture.given(caseIn(CaseStatus.CLOSED, new CaseReopened(CASE_ID, REASON, NOW)))
                .when(reopening(), supervisor())
                .expectException(stateConflict("not-closed"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void a_reason_is_required(String reason) {
        fixture.given(caseIn(CaseStatus.CLOSED))
                .when(new ReopenCase(CASE_ID, reason), supervisor())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }

    /** The command's own fields come before the case's state: a blank reason is named even on an open case. */
    @Test
    void a_blank_reason_is_refused_as_such_on_an_open_case_too() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new ReopenCase(CASE_ID, " "), supervisor())
                .expectException(invalidInput("required", "reason"))
                .expectNoEvents();
    }
}
