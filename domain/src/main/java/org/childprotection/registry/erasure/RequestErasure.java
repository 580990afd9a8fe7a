package org.childprotection.registry.erasure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestErasure(@TargetAggregateIdentifier String caseId, ErasureBasis basis, String reason) {
}
