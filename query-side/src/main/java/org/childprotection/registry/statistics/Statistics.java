package org.childprotection.registry.statistics;

import java.time.Instant;
import java.util.Map;

/**
 * Figures for the cases under a village-code prefix (docs/api.md). Counts by status cover every case; counts by
 * colour, overdue and per caseworker cover open cases. The median and the emergencies are of the period
 * [{@code from}, {@code to}) when it is given: cases reported in it, emergencies declared in it.
 */
public record Statistics(String villageCode, Instant from, Instant to, long cases, Map<String, Long> byStatus,
                         Map<String, Long> byRiskLevel, long overdue, Map<String, Long> openCasesPerCaseworker,
                         Double medianHoursToFirstAssessment, long emergencies) {
}
