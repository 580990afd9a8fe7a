package org.childprotection.registry.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DecideTransfer(@TargetAggregateIdentifier String caseId, Boolean accept, String note) {
}
