package org.childprotection.registry.visit;

import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.childcase.CaseFixtureTest;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.registration.ChildRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.*;

class HomeVisitTest extends CaseFixtureTest {

    private static final String OBSERVATIONS = "孩子在家写作业，冰箱里有食物。";

    // ---- success ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void records_a_visit_on_any_open_case(CaseStatus status) {
        List<Object> history = caseIn(status);

        fixture.given(history)
                .when(homeVisit(LocalDate.of(2026, 2, 20)), caseworker())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HomeVisitRecorded(CASE_ID, LocalDate.of(2026, 2, 20), VisitorRole.CHILDREN_DIRECTOR,
                        true, OBSERVATIONS, List.of(RiskFactor.NO_PARENTAL_CONTACT)))
                .expectResultMessagePayload((long) history.size());
    }

    @Test
    void a_visit_on_the_report_date_or_today_is_accepted() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(homeVisit(REPORT_DATE), caseworker())
                .expectResultMessagePayload(3L);
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(homeVisit(TODAY), caseworker())
                .expectEvents(new HomeVisitRecorded(CASE_ID, TODAY, VisitorRole.CHILDREN_DIRECTOR, true, OBSERVATIONS,
                        List.of(RiskFactor.NO_PARENTAL_CONTACT)))
                .expectResultMessagePayload(3L);
    }

    @Test
    void missing_concerns_are_recorded_as_none() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordHomeVisit(CASE_ID, TODAY, VisitorRole.TEACHER, false, "孩子去外婆家了，未见到。", null),
                        supervisor())
                .expectEvents(new HomeVisitRecorded(CASE_ID, TODAY, VisitorRole.TEACHER, false, "孩子去外婆家了，未见到。",
                        List.of()))
                .expectResultMessagePayload(3L);
    }

    @Test
    void today_is_the_date_in_china() {
        // 01:00 on 1 March in Shanghai, still 28 February in UTC
        fixture.givenCurrentTime(Instant.parse("2026-02-28T17:00:00Z"));

        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(homeVisit(LocalDate.of(2026, 3, 1)), caseworker())
                .expectResultMessagePayload(3L);
    }

    @Test
    void the_report_date_is_the_date_in_china() {
        // reported at 01:30 on 2 February in Shanghai, which is 1 February in UTC
        ChildRegistered reported = childRegistered();
        ChildRegistered lateAtNight = new ChildRegistered(CASE_ID, reported.child(), reported.father(),
                reported.mother(), reported.caregiver(), reported.report(), Instant.parse("2026-02-01T17:30:00Z"),
                CASEWORKER);

        fixture.given(lateAtNight)
                .when(homeVisit(LocalDate.of(2026, 2, 1)), caseworker())
                .expectException(invalidInput("date-before-report", "visitDate"))
                .expectNoEvents();
    }

    // ---- dates -----------------------------------------------------------------------------------------

    @Test
    void the_visit_date_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(homeVisit(null), caseworker())
                .expectException(invalidInput("required", "visitDate"))
                .expectNoEvents();
    }

    @Test
    void a_visit_tomorrow_is_in_the_future() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(homeVisit(TODAY.plusDays(1)), caseworker())
                .expectException(invalidInput("date-in-future", "visitDate"))
                .expectNoEvents();
    }

    @Test
    void a_visit_the_day_before_the_report_is_refused() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(homeVisit(REPORT_DATE.minusDays(1)), caseworker())
                .expectException(invalidInput("date-before-report", "visitDate"))
                .expectNoEvents();
    }

    @Test
    void a_visit_before_the_child_was_born_is_refused() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(homeVisit(DATE_OF_BIRTH.minusDays(1)), caseworker())
                .expectException(invalidInput("date-before-birth", "visitDate"))
                .expectNoEvents();
    }

    // ---- other refusals -------------------------------------------------------------------------------------

    @Test
    void the_visitor_role_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordHomeVisit(CASE_ID, TODAY, null, true, OBSERVATIONS, List.of()), caseworker())
                .expectException(invalidInput("required", "visitorRole"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void observations_are_required(String observations) {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordHomeVisit(CASE_ID, TODAY, VisitorRole.CASEWORKER, true, observations, List.of()),
                        caseworker())
                .expectException(invalidInput("required", "observations"))
                .expectNoEvents();
    }

    @Test
    void concerns_may_not_contain_empty_entries() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordHomeVisit(CASE_ID, TODAY, VisitorRole.CASEWORKER, true, OBSERVATIONS,
                        Arrays.asList(null, RiskFactor.HEALTH)), caseworker())
                .expectException(invalidInput("required", "concerns"))
                .expectNoEvents();
    }

    @Test
    void whether_the_child_was_seen_is_required() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordHomeVisit(CASE_ID, TODAY, VisitorRole.CASEWORKER, null, "孩子在家。", List.of()),
                        caseworker())
                .expectException(invalidInput("required", "childSeen"))
                .expectNoEvents();
    }

    @Test
    void every_missing_field_is_named_at_once() {
        fixture.given(caseIn(CaseStatus.MONITORING))
                .when(new RecordHomeVisit(CASE_ID, null, null, null, " ", null), caseworker())
                .expectException(invalidFields("visitDate", "visitorRole", "childSeen", "observations"))
                .expectNoEvents();
    }
}
