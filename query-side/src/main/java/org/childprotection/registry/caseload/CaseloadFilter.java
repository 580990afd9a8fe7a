package org.childprotection.registry.caseload;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;

/** Filters of a caseload; any may be null. {@code villageCode} is a prefix of the cases' village codes. */
public record CaseloadFilter(String villageCode, CaseStatus status, RiskLevel riskLevel, String caseworker,
                             Boolean overdue) {

    public static CaseloadFilter all() {
        return new CaseloadFilter(null, null, null, null, null);
    }
}
