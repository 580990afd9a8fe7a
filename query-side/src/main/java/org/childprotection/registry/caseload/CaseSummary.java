package org.childprotection.registry.caseload;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a caseload; {@code idNumber} masked (docs/erasure.md). */
public record CaseSummary(String caseId, String childName, String idNumber, String villageCode, CaseStatus status,
                          RiskLevel riskLevel, String caseworker, LocalDate nextVisitDue, Instant dueAt,
                          boolean overdue) {

    CaseSummary withIdNumber(String masked) {
        return new CaseSummary(caseId, childName, masked, villageCode, status, riskLevel, caseworker, nextVisitDue,
                dueAt, overdue);
    }
}
