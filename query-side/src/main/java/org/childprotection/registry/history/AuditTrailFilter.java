package org.childprotection.registry.history;

import java.time.Instant;

/** Filters of the cross-case audit trail; any may be null. {@code to} is exclusive. */
public record AuditTrailFilter(String actor, String type, String villageCode, Instant from, Instant to) {
}
