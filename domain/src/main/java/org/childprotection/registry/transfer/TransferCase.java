package org.childprotection.registry.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TransferCase(@TargetAggregateIdentifier String caseId, String villageCode, String reason) {
}
