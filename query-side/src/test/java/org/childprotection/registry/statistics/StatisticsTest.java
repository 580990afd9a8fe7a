package org.childprotection.registry.statistics;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.closure.ClosureReason;
import org.childprotection.registry.closure.ClosureRequested;
import org.childprotection.registry.emergency.EmergencyAction;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.testsupport.Stories.assessedCase;
import static org.childprotection.registry.testsupport.Stories.registered;

@QuerySideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest {

    static final Instant NOW = Instant.parse("2026-09-30T04:00:00Z");
    static final Instant SEPTEMBER = Instant.parse("2026-09-01T00:00:00Z");
    static final Jurisdictions PROVINCE = Jurisdictions.of("44");

    @Autowired
    CaseEvents events;
    @Autowired
    StatisticsRepository statistics;
    @Autowired
    Reconciliation reconciliation;

    @BeforeAll
    void cases() {
        // reported in August, assessed after 10 hours; GREEN, visit long overdue
        assessedCase(events, "s-green", "440101001001", "li.caseworker", RiskLevel.GREEN,
                Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-08-01T10:00:00Z"));
        // reported in September, assessed after 2 hours; YELLOW, due in the future
        assessedCase(events, "s-yellow", "440101001002", "li.caseworker", RiskLevel.YELLOW,
                NOW.minus(Duration.ofHours(4)), NOW.minus(Duration.ofHours(2)));
        // reported in September, assessed after 30 hours; RED
        assessedCase(events, "s-red", "440101002001", "zhang.caseworker", RiskLevel.RED,
                NOW.minus(Duration.ofHours(40)), NOW.minus(Duration.ofHours(10)));
        // reported in September, not assessed, emergency declared on the 20th
        Instant reported = Instant.parse("2026-09-20T00:00:00Z");
        events.append("s-emergency", reported, registered("s-emergency", "440101002002", "zhang.caseworker", reported));
        events.append("s-emergency", reported.plusSeconds(60), new EmergencyDeclared("s-emergency",
                MandatoryReportingTrigger.CHILD_ALONE_OR_MISSING, List.of(EmergencyAction.MISSING_CHILD_SEARCH), null,
                "孩子走失", reported.plusSeconds(60)));
        events.append("s-emergency", reported.plusSeconds(60), new ProtectionStatusChanged("s-emergency",
                CaseStatus.REPORTED, CaseStatus.EMERGENCY, null));
        // closed in August
        assessedCase(events, "s-closed", "440101001003", "li.caseworker", RiskLevel.GREEN,
                Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-07-01T04:00:00Z"));
        events.append("s-closed", Instant.parse("2026-08-10T00:00:00Z"), new ClosureRequested("s-closed",
                ClosureReason.PARENTS_RETURNED, null, "li.caseworker", CaseStatus.MONITORING));
        events.append("s-closed", Instant.parse("2026-08-11T00:00:00Z"), new ClosureApproved("s-closed",
                "wang.supervisor", "li.caseworker", null), CaseEvents.SUPERVISOR);
        // another province
        assessedCase(events, "s-other", "450101001001", "li.caseworker", RiskLevel.RED,
                NOW.minus(Duration.ofHours(4)), NOW.minus(Duration.ofHours(3)));
        ProjectionsAwait.projected(reconciliation);
    }

    @Test
    void counts_by_status_colour_overdue_and_caseworker_for_a_prefix() {
        Statistics s = statistics.of("4401", PROVINCE, null, null, NOW);

        assertThat(s.cases()).isEqualTo(5);
        assertThat(s.byStatus()).isEqualTo(Map.of("MONITORING", 1L, "UNDER_PROTECTION", 1L, "EMERGENCY", 2L,
                "CLOSED", 1L));
        assertThat(s.byRiskLevel()).isEqualTo(Map.of("GREEN", 1L, "YELLOW", 1L, "RED", 2L));
        assertThat(s.overdue()).as("the GREEN visit and the emergency's daily visit are late; the RED one is due tomorrow")
                .isEqualTo(2);
        assertThat(s.openCasesPerCaseworker()).isEqualTo(Map.of("li.caseworker", 2L, "zhang.caseworker", 2L));
        assertThat(s.medianHoursToFirstAssessment()).as("median of 4, 10, 2 and 30 hours").isEqualTo(7.0);
        assertThat(s.emergencies()).isEqualTo(1);
    }

    @Test
    void a_period_limits_the_median_to_cases_reported_in_it_and_counts_emergencies_declared_in_it() {
        Statistics september = statistics.of("4401", PROVINCE, SEPTEMBER, NOW, NOW);
        assertThat(september.medianHoursToFirstAssessment()).as("median of 2 and 30 hours").isEqualTo(16.0);
        assertThat(september.emergencies()).isEqualTo(1);

        Statistics august = statistics.of("4401", PROVINCE, Instant.parse("2026-08-01T00:00:00Z"), SEPTEMBER, NOW);
        assertThat(august.medianHoursToFirstAssessment()).isEqualTo(10.0);
        assertThat(august.emergencies()).isZero();
        assertThat(august.cases()).as("counts describe the cases as they stand").isEqualTo(5);
    }

    @Test
    void a_narrower_prefix_or_jurisdiction_counts_only_its_cases() {
        Statistics village = statistics.of("440101002", PROVINCE, null, null, NOW);
        assertThat(village.cases()).isEqualTo(2);
        assertThat(village.byStatus()).isEqualTo(Map.of("EMERGENCY", 2L));

        Statistics scoped = statistics.of(null, Jurisdictions.of("440101001"), null, null, NOW);
        assertThat(scoped.cases()).isEqualTo(3);
        assertThat(scoped.emergencies()).isZero();

        Statistics nothing = statistics.of(null, new Jurisdictions(List.of()), null, null, NOW);
        assertThat(nothing.cases()).isZero();
        assertThat(nothing.medianHoursToFirstAssessment()).isNull();
    }
}
