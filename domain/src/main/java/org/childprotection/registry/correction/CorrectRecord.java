package org.childprotection.registry.correction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects one field of an earlier event of the same case; the earlier event stays as it was recorded. */
public record CorrectRecord(@TargetAggregateIdentifier String caseId, String eventId, String field, String value,
                            String reason) {
}
