package org.childprotection.registry.erasure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DecideErasure(@TargetAggregateIdentifier String caseId, Boolean approve, String note) {
}
