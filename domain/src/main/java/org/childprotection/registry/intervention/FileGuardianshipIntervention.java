package org.childprotection.registry.intervention;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code interventionId} is chosen by the caller and unique within the case. */
public record FileGuardianshipIntervention(@TargetAggregateIdentifier String caseId, String interventionId,
                                           InterventionGrounds grounds, String court, String reason) {
}
