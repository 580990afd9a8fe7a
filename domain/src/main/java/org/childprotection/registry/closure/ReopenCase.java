package org.childprotection.registry.closure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReopenCase(@TargetAggregateIdentifier String caseId, String reason) {
}
