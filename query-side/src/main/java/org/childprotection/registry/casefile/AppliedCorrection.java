package org.childprotection.registry.casefile;

import java.time.Instant;

/** A correction recorded on the case; the corrected event itself is unchanged in the log. */
public record AppliedCorrection(String correctionEventId, String eventId, String eventType, String field,
                                String value, String reason, String correctedBy, Instant correctedAt) {
}
