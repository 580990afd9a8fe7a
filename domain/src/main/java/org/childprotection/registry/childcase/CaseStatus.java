package org.childprotection.registry.childcase;

/** The protection status of a case; the transitions are enforced by {@link ChildCase}. */
public enum CaseStatus {
    REPORTED,
    MONITORING,
    UNDER_PROTECTION,
    EMERGENCY,
    CLOSURE_REQUESTED,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
