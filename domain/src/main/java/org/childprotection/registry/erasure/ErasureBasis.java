package org.childprotection.registry.erasure;

/** The legal ground on which a case's personal data is erased. */
public enum ErasureBasis {
    /** The case should never have been opened; the only basis on which a case that is not closed is erased. */
    REGISTERED_IN_ERROR,
    COURT_ORDER,
    /** The retention period configured for closed cases has passed (docs/erasure.md). */
    RETENTION_EXPIRED,
    /** The child, now an adult, asks for it. */
    REQUEST_AT_MAJORITY
}
