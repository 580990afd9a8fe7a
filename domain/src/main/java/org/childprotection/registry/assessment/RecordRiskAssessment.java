package org.childprotection.registry.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childprotection.registry.kernel.RiskLevel;

import java.util.List;

/** The summary is the assessment's reason and is required. */
public record RecordRiskAssessment(@TargetAggregateIdentifier String caseId, RiskLevel riskLevel,
                                   List<RiskFactor> factors, String summary) {
}
