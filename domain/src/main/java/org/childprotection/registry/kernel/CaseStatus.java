package org.childprotection.registry.kernel;

/** The protection status of a case; the transitions are enforced by {@code ChildCase}. */
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
