package org.childprotection.registry.intervention;

/** Grounds on which a court may revoke a guardianship. */
public enum InterventionGrounds { DANGER_AFTER_WARNING, ABANDONED_DUTY_6_MONTHS, ABUSE_OR_VIOLENCE }
