package org.childprotection.registry.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One entry of a case's audit history: an event as recorded, with who did it, when and why. */
public record CaseEvent(String eventId, long globalIndex, String caseId, long sequence, String type,
                        Instant occurredAt, String actor, String role, String reason, String correlationId,
                        String requestId, JsonNode data) {
}
