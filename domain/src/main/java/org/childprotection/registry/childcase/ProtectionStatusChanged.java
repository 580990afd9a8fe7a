package org.childprotection.registry.childcase;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;

/** Recorded beside an assessment or emergency that moves the case to another status. */
@Revision("1")
public record ProtectionStatusChanged(String caseId, CaseStatus from, CaseStatus to, RiskLevel riskLevel) {
}
