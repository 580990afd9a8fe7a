package org.childprotection.registry.registration;

/** Opens one file for one child. The case id is chosen by the caller so that a retry cannot open two files. */
public record RegisterChild(String caseId, Child child, Parent father, Parent mother, Caregiver caregiver,
                            Report report) {
}
