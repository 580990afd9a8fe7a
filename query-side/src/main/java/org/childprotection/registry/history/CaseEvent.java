package org.childprotection.registry.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit history: an event as recorded, with who did it, when and why, the case's village at
 * that moment, and the corrections later recorded against it (the event itself is never changed). {@code data} is
 * the event's JSON as stored, passed through to answers without being parsed (a history can hold thousands).
 */
public record CaseEvent(String eventId, long globalIndex, String caseId, long sequence, String type,
                        Instant occurredAt, String actor, String role, String reason, String correlationId,
                        String requestId, String villageCode, String correctsEventId, @JsonRawValue String data,
                        List<Correction> corrections) {

    CaseEvent withCorrections(List<Correction> found) {
        return new CaseEvent(eventId, globalIndex, caseId, sequence, type, occurredAt, actor, role, reason,
                correlationId, requestId, villageCode, correctsEventId, data, List.copyOf(found));
    }

    /** The event's data as a JSON tree, for the few callers that look inside it. */
    public JsonNode dataTree() {
        try {
            return EventJson.mapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable event data at " + globalIndex, e);
        }
    }

    Correction asCorrection() {
        JsonNode tree = dataTree();
        return new Correction(eventId, globalIndex, tree.path("field").asText(), tree.path("value").asText(),
                tree.path("reason").asText(), actor, occurredAt);
    }
}
