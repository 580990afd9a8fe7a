package org.childprotection.registry.caseload;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a caseload. */
public record CaseSummary(String caseId, String childName, String villageCode, CaseStatus status,
                          RiskLevel riskLevel, String caseworker, LocalDate nextVisitDue, Instant dueAt,
                          boolean overdue) {
}
