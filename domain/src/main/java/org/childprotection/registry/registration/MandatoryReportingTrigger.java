package org.childprotection.registry.registration;

/** Situations that oblige whoever learns of them to report to the police at once. */
public enum MandatoryReportingTrigger {
    CHILD_ALONE_OR_MISSING,
    GUARDIAN_INCAPABLE_OR_NEGLECTFUL,
    SUSPECTED_DOMESTIC_VIOLENCE,
    SUSPECTED_INJURY_OR_HARM
}
