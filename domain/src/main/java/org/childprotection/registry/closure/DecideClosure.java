package org.childprotection.registry.closure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DecideClosure(@TargetAggregateIdentifier String caseId, Boolean approve, String note) {
}
