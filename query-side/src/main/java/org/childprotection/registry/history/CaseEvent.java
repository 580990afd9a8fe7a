package org.childprotection.registry.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit history: an event as recorded, with who did it, when and why, the case's village at
 * that moment, and the corrections later recorded against it (the event itself is never changed).
 */
public record CaseEvent(String eventId, long globalIndex, String caseId, long sequence, String type,
                        Instant occurredAt, String actor, String role, String reason, String correlationId,
                        String requestId, String villageCode, String correctsEventId, JsonNode data,
                        List<Correction> corrections) {

    CaseEvent withCorrections(List<Correction> found) {
        return new CaseEvent(eventId, globalIndex, caseId, sequence, type, occurredAt, actor, role, reason,
                correlationId, requestId, villageCode, correctsEventId, data, List.copyOf(found));
    }

    Correction asCorrection() {
        return new Correction(eventId, globalIndex, data.path("field").asText(), data.path("value").asText(),
                data.path("reason").asText(), actor, occurredAt);
    }
}
