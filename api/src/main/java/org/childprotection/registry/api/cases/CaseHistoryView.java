package org.childprotection.registry.api.cases;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.childprotection.registry.history.CaseEvent;
import org.childprotection.registry.history.Correction;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The history answer (docs/api.md): every event of the case in order, with who recorded it and why. */
public record CaseHistoryView(String caseId, List<HistoryEntry> events) {

    public record Actor(String username, String role) {
    }

    /** {@code corrections} are the corrections later recorded against this event, which itself stays as recorded. */
    public record HistoryEntry(String eventId, long globalIndex, long sequence, String type, Instant occurredAt,
                        Actor actor, String reason, @JsonRawValue @Schema(implementation = Object.class, description = "the event as recorded") String data, String leafHash, List<Correction> corrections) {

        static HistoryEntry of(CaseEvent e, byte[] leafHash) {
            return new HistoryEntry(e.eventId(), e.globalIndex(), e.sequence(), e.type(), e.occurredAt(),
                    new Actor(e.actor(), e.role()), e.reason(), e.data(),
                    leafHash == null ? null : HexFormat.of().formatHex(leafHash), e.corrections());
        }
    }

    /** {@code leafHashes}: the Merkle leaf of each event by global index; an event not yet logged has none. */
    static CaseHistoryView of(String caseId, List<CaseEvent> events, Map<Long, byte[]> leafHashes) {
        return new CaseHistoryView(caseId, events.stream()
                .map(e -> HistoryEntry.of(e, leafHashes.get(e.globalIndex()))).toList());
    }
}
