package org.childprotection.registry.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childprotection.registry.assessment.RiskFactor;

import java.time.LocalDate;
import java.util.List;

/** Concerns are risk factors seen during the visit; the list may be empty. */
public record RecordHomeVisit(@TargetAggregateIdentifier String caseId, LocalDate visitDate,
                              VisitorRole visitorRole, Boolean childSeen, String observations,
                              List<RiskFactor> concerns) {
}
