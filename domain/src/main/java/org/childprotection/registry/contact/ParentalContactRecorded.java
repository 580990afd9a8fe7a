package org.childprotection.registry.contact;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ParentalContactRecorded(String caseId, LocalDate date, ParentRole parent, ContactChannel channel) {
}
