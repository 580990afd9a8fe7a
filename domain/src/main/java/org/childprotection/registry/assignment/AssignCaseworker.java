package org.childprotection.registry.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code caseworker} is a username; only a supervisor may assign. */
public record AssignCaseworker(@TargetAggregateIdentifier String caseId, String caseworker) {
}
