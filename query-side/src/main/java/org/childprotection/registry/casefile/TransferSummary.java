package org.childprotection.registry.casefile;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;

import java.time.Instant;

/**
 * A pending transfer as either side lists it: what the receiving side needs to decide (where from, where to, why,
 * who asked and when, how urgent the case is), and nothing of the child, whose file it cannot read yet.
 */
public record TransferSummary(String caseId, long version, CaseStatus status, RiskLevel riskLevel,
                              String fromVillageCode, String toVillageCode, String reason, String requestedBy,
                              Instant requestedAt) {
}
