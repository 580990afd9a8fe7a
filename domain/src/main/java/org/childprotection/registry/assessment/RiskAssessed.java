package org.childprotection.registry.assessment;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.kernel.PersonalData;

import java.time.Instant;
import java.util.List;

@Revision("1")
public record RiskAssessed(String caseId, RiskLevel riskLevel, List<RiskFactor> factors, @PersonalData String summary,
                           Instant assessedAt) {
}
