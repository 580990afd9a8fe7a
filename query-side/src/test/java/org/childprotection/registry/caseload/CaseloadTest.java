package org.childprotection.registry.caseload;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.emergency.EmergencyAction;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.testsupport.Stories.assessedCase;
import static org.childprotection.registry.testsupport.Stories.registered;

/**
 * Caseloads of one county (330101) with cases of every colour; "now" is 2026-06-30T04:00Z (noon in Shanghai).
 */
@QuerySideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadTest {

    static final Instant NOW = Instant.parse("2026-06-30T04:00:00Z");
    static final Jurisdictions COUNTY = Jurisdictions.of("330101");
    static final PageRequest FIRST_PAGE = new PageRequest(0, 50);

    @Autowired
    CaseEvents events;
    @Autowired
    CaseloadRepository caseload;
    @Autowired
    Reconciliation reconciliation;

    @BeforeAll
    void casesOfEveryColour() {
        // GREEN assessed 40 days ago: visit due 10 days ago, overdue
        assessedCase(events, "green-late", "330101001001", "li.caseworker", RiskLevel.GREEN,
                NOW.minus(Duration.ofDays(41)), NOW.minus(Duration.ofDays(40)));
        // GREEN assessed 5 days ago: due in 25 days
        assessedCase(events, "green-fine", "330101001002", "zhang.caseworker", RiskLevel.GREEN,
                NOW.minus(Duration.ofDays(6)), NOW.minus(Duration.ofDays(5)));
        // YELLOW assessed 20 days ago: due 6 days ago
        assessedCase(events, "yellow-late", "330101002001", "li.caseworker", RiskLevel.YELLOW,
                NOW.minus(Duration.ofDays(21)), NOW.minus(Duration.ofDays(20)));
        // ORANGE assessed 30 days ago but visited yesterday: due in 6 days
        assessedCase(events, "orange-visited", "330101002002", "li.caseworker", RiskLevel.ORANGE,
                NOW.minus(Duration.ofDays(31)), NOW.minus(Duration.ofDays(30)));
        events.append("orange-visited", NOW.minus(Duration.ofDays(1)), new HomeVisitRecorded("orange-visited",
                LocalDate.of(2026, 6, 29), VisitorRole.CASEWORKER, true, "一切正常", List.of()));
        // two RED: one assessed 3 days ago (due 2 days ago), one 10 days ago (more overdue)
        assessedCase(events, "red-3", "330101001003", "zhang.caseworker", RiskLevel.RED,
                NOW.minus(Duration.ofDays(4)), NOW.minus(Duration.ofDays(3)));
        assessedCase(events, "red-10", "330101001004", "li.caseworker", RiskLevel.RED,
                NOW.minus(Duration.ofDays(11)), NOW.minus(Duration.ofDays(10)));
        // reported an hour ago with a trigger, not assessed yet: assessment due in 23 hours
        events.append("new-report", NOW.minus(Duration.ofHours(1)), registered("new-report", "330101001005",
                "li.caseworker", NOW.minus(Duration.ofHours(1)), MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING));
        // reported 5 days ago, not assessed: assessment overdue by 2 days
        events.append("stale-report", NOW.minus(Duration.ofDays(5)), registered("stale-report", "330101003001",
                "zhang.caseworker", NOW.minus(Duration.ofDays(5))));
        // an emergency declared without assessment, 2 hours ago: RED, visit due tomorrow
        events.append("emergency", NOW.minus(Duration.ofHours(3)), registered("emergency", "330101003002",
                "zhang.caseworker", NOW.minus(Duration.ofHours(3))));
        events.append("emergency", NOW.minus(Duration.ofHours(2)), new EmergencyDeclared("emergency",
                MandatoryReportingTrigger.SUSPECTED_INJURY_OR_HARM, List.of(EmergencyAction.POLICE_INTERVENTION), null,
                "邻居报告孩子受伤", NOW.minus(Duration.ofHours(2))));
        events.append("emergency", NOW.minus(Duration.ofHours(2)), new ProtectionStatusChanged("emergency",
                CaseStatus.REPORTED, CaseStatus.EMERGENCY, null));
        // another county: never in these caseloads
        assessedCase(events, "elsewhere", "330102001001", "li.caseworker", RiskLevel.RED,
                NOW.minus(Duration.ofDays(11)), NOW.minus(Duration.ofDays(10)));
        ProjectionsAwait.projected(reconciliation);
    }

    @Test
    void the_caseload_is_sorted_red_first_then_by_the_longest_overdue() {
        Page<CaseSummary> page = caseload.page(CaseloadFilter.all(), COUNTY, NOW, FIRST_PAGE);

        assertThat(ids(page)).containsExactly("red-10", "red-3", "emergency", "green-late", "yellow-late",
                "stale-report", "new-report", "orange-visited", "green-fine");
        assertThat(page.total()).isEqualTo(9);
    }

    @Test
    void overdue_is_worked_out_at_the_time_asked() {
        assertThat(ids(caseload.page(filter(null, null, null, null, true), COUNTY, NOW, FIRST_PAGE)))
                .containsExactly("red-10", "red-3", "green-late", "yellow-late", "stale-report");
        assertThat(ids(caseload.page(filter(null, null, null, null, false), COUNTY, NOW, FIRST_PAGE)))
                .containsExactly("emergency", "new-report", "orange-visited", "green-fine");
        Instant twoDaysLater = NOW.plus(Duration.ofDays(2));
        assertThat(ids(caseload.page(filter(null, null, null, null, true), COUNTY, twoDaysLater, FIRST_PAGE)))
                .contains("emergency", "new-report").doesNotContain("orange-visited", "green-fine");
        CaseSummary red = caseload.page(filter(null, null, RiskLevel.RED, null, null), COUNTY, NOW, FIRST_PAGE)
                .items().get(0);
        assertThat(red.overdue()).isTrue();
        assertThat(red.nextVisitDue()).isEqualTo(LocalDate.of(2026, 6, 21));
    }

    @Test
    void filters_by_village_prefix_status_colour_and_caseworker() {
        assertThat(ids(caseload.page(filter("330101002", null, null, null, null), COUNTY, NOW, FIRST_PAGE)))
                .containsExactly("yellow-late", "orange-visited");
        assertThat(ids(caseload.page(filter(null, CaseStatus.REPORTED, null, null, null), COUNTY, NOW, FIRST_PAGE)))
                .containsExactly("stale-report", "new-report");
        assertThat(ids(caseload.page(filter(null, CaseStatus.EMERGENCY, null, null, null), COUNTY, NOW, FIRST_PAGE)))
                .containsExactly("red-10", "red-3", "emergency");
        assertThat(ids(caseload.page(filter(null, null, RiskLevel.GREEN, null, null), COUNTY, NOW, FIRST_PAGE)))
                .containsExactly("green-late", "green-fine");
        assertThat(ids(caseload.page(filter(null, null, null, "zhang.caseworker", null), COUNTY, NOW, FIRST_PAGE)))
                .containsExactly("red-3", "emergency", "stale-report", "green-fine");
        assertThat(ids(caseload.page(filter(null, null, RiskLevel.RED, "li.caseworker", true), COUNTY, NOW, FIRST_PAGE)))
                .containsExactly("red-10");
    }

    @Test
    void colour_overdue_and_village_together_count_only_the_cases_matching_all_three() {
        Page<CaseSummary> redLate = caseload.page(filter("330101001", null, RiskLevel.RED, null, true), COUNTY, NOW,
                FIRST_PAGE);
        assertThat(ids(redLate)).containsExactly("red-10", "red-3");
        assertThat(redLate.total()).isEqualTo(2);

        Page<CaseSummary> redOnTime = caseload.page(filter("330101", null, RiskLevel.RED, null, false), COUNTY, NOW,
                FIRST_PAGE);
        assertThat(ids(redOnTime)).containsExactly("emergency");
        assertThat(redOnTime.total()).isEqualTo(1);

        Page<CaseSummary> greenLate = caseload.page(filter("330101001", null, RiskLevel.GREEN, null, true), COUNTY,
                NOW, new PageRequest(0, 1));
        assertThat(ids(greenLate)).containsExactly("green-late");
        assertThat(greenLate.total()).isEqualTo(1);

        assertThat(caseload.page(filter("330101002", null, RiskLevel.ORANGE, null, true), COUNTY, NOW, FIRST_PAGE)
                .total()).as("the one ORANGE case of that village was visited yesterday").isZero();
        Page<CaseSummary> secondRed = caseload.page(filter(null, null, RiskLevel.RED, null, null), COUNTY, NOW,
                new PageRequest(1, 2));
        assertThat(ids(secondRed)).containsExactly("emergency");
        assertThat(secondRed.total()).as("the total counts every page, not the one answered").isEqualTo(3);
    }

    @Test
    void jurisdictions_bound_every_caseload() {
        assertThat(ids(caseload.page(CaseloadFilter.all(), Jurisdictions.of("330101001"), NOW, FIRST_PAGE)))
                .containsExactly("red-10", "red-3", "green-late", "new-report", "green-fine");
        assertThat(ids(caseload.page(CaseloadFilter.all(), Jurisdictions.of("330101002", "330102"), NOW, FIRST_PAGE)))
                .containsExactly("elsewhere", "yellow-late", "orange-visited");
        assertThat(caseload.page(CaseloadFilter.all(), new Jurisdictions(List.of()), NOW, FIRST_PAGE).total()).isZero();
        assertThat(ids(caseload.page(filter("330102", null, null, null, null), COUNTY, NOW, FIRST_PAGE)))
                .as("a filter cannot widen a jurisdiction").isEmpty();
    }

    @Test
    void pages_are_slices_of_the_same_order_with_the_total() {
        Page<CaseSummary> second = caseload.page(CaseloadFilter.all(), COUNTY, NOW, new PageRequest(1, 4));
        Page<CaseSummary> third = caseload.page(CaseloadFilter.all(), COUNTY, NOW, new PageRequest(2, 4));

        assertThat(ids(second)).containsExactly("yellow-late", "stale-report", "new-report", "orange-visited");
        assertThat(ids(third)).containsExactly("green-fine");
        assertThat(second.total()).isEqualTo(9);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(4);
    }

    private static CaseloadFilter filter(String village, CaseStatus status, RiskLevel level, String caseworker,
                                         Boolean overdue) {
        return new CaseloadFilter(village, status, level, caseworker, overdue);
    }

    private static List<String> ids(Page<CaseSummary> page) {
        return page.items().stream().map(CaseSummary::caseId).toList();
    }
}
