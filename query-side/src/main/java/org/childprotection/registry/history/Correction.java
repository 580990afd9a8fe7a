package org.childprotection.registry.history;

import java.time.Instant;

/** A correction shown beside the event it corrects: which field became what, why, and who said so. */
public record Correction(String eventId, long globalIndex, String field, String value, String reason,
                         String actor, Instant occurredAt) {
}
