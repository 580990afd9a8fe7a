package org.childprotection.registry.intervention;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A granted decision names the new guardian; a refused one names none. */
public record RecordCourtDecision(@TargetAggregateIdentifier String caseId, String interventionId, Boolean granted,
                                  NewGuardian newGuardian, String note) {
}
