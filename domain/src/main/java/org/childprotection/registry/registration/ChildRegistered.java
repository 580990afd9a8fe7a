package org.childprotection.registry.registration;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A case was opened; {@code caseworker} is the registering user, the first one assigned to it. */
@Revision("1")
public record ChildRegistered(String caseId, Child child, Parent father, Parent mother, Caregiver caregiver,
                              Report report, Instant reportedAt, String caseworker) {
}
