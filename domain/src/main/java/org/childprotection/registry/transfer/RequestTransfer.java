package org.childprotection.registry.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks that the case move to {@code villageCode}; a supervisor of the receiving side decides. */
public record RequestTransfer(@TargetAggregateIdentifier String caseId, String villageCode, String reason) {
}
