package org.childprotection.registry.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RecordParentalContact(@TargetAggregateIdentifier String caseId, LocalDate date, ParentRole parent,
                                    ContactChannel channel) {
}
