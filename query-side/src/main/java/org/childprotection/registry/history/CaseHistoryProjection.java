package org.childprotection.registry.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.childprotection.registry.childcase.CaseMetadata;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.transfer.CaseTransferred;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Copies every event into case_event with its position in the log, the metadata of who recorded it, and the
 * case's village at that moment. Idempotent: an event already copied is left as it is.
 */
@Component
@ProcessingGroup(CaseHistoryProjection.NAME)
public class CaseHistoryProjection {

    public static final String NAME = "case-history";

    private final JdbcTemplate jdbc;

    public CaseHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        MetaData meta = message.getMetaData();
        jdbc.update("""
                INSERT INTO case_event (global_index, event_id, case_id, sequence, type, occurred_at, actor, role,
                                        reason, correlation_id, request_id, village_code, corrects_event_id, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (global_index) DO NOTHING
                """,
                token.position().orElseThrow(), message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), event.getClass().getSimpleName(), Timestamp.from(message.getTimestamp()),
                meta.get(CaseMetadata.ACTOR), meta.get(CaseMetadata.ROLE), meta.get(CaseMetadata.REASON),
                meta.get(CaseMetadata.CORRELATION_ID), meta.get(CaseMetadata.REQUEST_ID),
                villageOf(event, message.getAggregateIdentifier()),
                event instanceof RecordCorrected corrected ? corrected.eventId() : null,
                EventJson.mapper().writeValueAsString(event));
    }

    private String villageOf(Object event, String caseId) {
        if (event instanceof ChildRegistered registered) {
            return registered.child().villageCode();
        }
        if (event instanceof CaseTransferred transferred) {
            return transferred.toVillageCode();
        }
        return jdbc.queryForObject(
                "SELECT village_code FROM case_event WHERE case_id = ? ORDER BY sequence DESC LIMIT 1",
                String.class, caseId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM case_event");
    }
}
