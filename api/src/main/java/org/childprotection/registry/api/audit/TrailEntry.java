package org.childprotection.registry.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.childprotection.registry.api.cases.CaseHistoryView;
import org.childprotection.registry.history.CaseEvent;
import org.childprotection.registry.history.Correction;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** An event of the cross-case audit trail: the history's event object plus its case and village. */
public record TrailEntry(String caseId, String villageCode, String eventId, long globalIndex, long sequence,
                         String type, Instant occurredAt, CaseHistoryView.Actor actor, String reason, @JsonRawValue @Schema(implementation = Object.class, description = "the event as recorded") String data,
                         String leafHash, List<Correction> corrections) {

    static TrailEntry of(CaseEvent e, byte[] leafHash) {
        return new TrailEntry(e.caseId(), e.villageCode(), e.eventId(), e.globalIndex(), e.sequence(), e.type(),
                e.occurredAt(), new CaseHistoryView.Actor(e.actor(), e.role()), e.reason(), e.data(),
                leafHash == null ? null : HexFormat.of().formatHex(leafHash), e.corrections());
    }
}
