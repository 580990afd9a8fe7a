package org.childprotection.registry.closure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestClosure(@TargetAggregateIdentifier String caseId, ClosureReason reason, String note) {
}
