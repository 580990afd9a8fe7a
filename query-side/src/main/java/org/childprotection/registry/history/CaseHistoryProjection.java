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
import org.childprotection.registry.projection.CaseProjectionWait;
import org.childprotection.registry.projection.Projection;
import org.childprotection.registry.projection.ParkingBatch;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.transfer.CaseTransferred;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * Copies every event into case_event with its position in the log, the metadata of who recorded it, and the
 * case's village at that moment. Idempotent: an event already copied is left as it is.
 */
@Component
@ProcessingGroup(CaseHistoryProjection.NAME)
public class CaseHistoryProjection implements Projection {

    public static final String NAME = "case-history";
    public static final String TABLE = "case_event";

    private final JdbcTemplate jdbc;
    private final CaseProjectionWait readers;
    private final ParkingBatch batch;

    public CaseHistoryProjection(JdbcTemplate jdbc, CaseProjectionWait readers, ParkingBatch batch) {
        this.jdbc = jdbc;
        this.readers = readers;
        this.batch = batch;
    }

    /** Collected per processor batch and written as one run when the batch commits. */
    @EventHandler
    void on(DomainEventMessage<?> message, TrackingToken token) {
        batch.add(NAME, new Positioned(message, token.position().orElseThrow()), run -> applyAll(run, ""));
        readers.projectedInThisUnitOfWork();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    /** One batched insert for the run; each case's village is looked up once and then followed in memory. */
    @Override
    public void applyAll(List<Positioned> events, String tableSuffix) {
        String table = TABLE + tableSuffix;
        java.util.Map<String, String> villages = new java.util.HashMap<>();
        List<Object[]> rows = new java.util.ArrayList<>(events.size());
        for (Positioned positioned : events) {
            DomainEventMessage<?> message = positioned.event();
            Object event = message.getPayload();
            String caseId = message.getAggregateIdentifier();
            String village = event instanceof ChildRegistered || event instanceof CaseTransferred
                    ? villageOf(event, caseId, table)
                    : villages.computeIfAbsent(caseId, id -> villageOf(event, id, table));
            villages.put(caseId, village);
            rows.add(row(message, positioned.globalIndex(), village));
        }
        if (tableSuffix.equals(REBUILD_SUFFIX)) {
            copyInto(table, rows);
        } else {
            jdbc.batchUpdate(insert(table), rows);
        }
    }

    /**
     * A rebuild fills a fresh copy and applies every event exactly once (each run commits with its position), so
     * nothing can conflict there, and COPY is several times faster than inserting.
     */
    private void copyInto(String table, List<Object[]> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 700);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                csv.append(i == 0 ? "" : ",");
                Object value = row[i] instanceof Timestamp timestamp ? timestamp.toInstant() : row[i];
                if (value != null) {
                    csv.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY " + table
                        + " (" + COLUMNS + ") FROM STDIN (FORMAT csv)", new java.io.StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Could not copy events into " + table, e);
            }
        });
    }

    private static final String COLUMNS = "global_index, event_id, case_id, sequence, type, occurred_at, actor, role, "
            + "reason, correlation_id, request_id, village_code, corrects_event_id, data";

    private static String insert(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ")" + """
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (global_index) DO NOTHING
                """;
    }

    private static Object[] row(DomainEventMessage<?> message, long globalIndex, String village) {
        Object event = message.getPayload();
        MetaData meta = message.getMetaData();
        return new Object[]{globalIndex, message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), event.getClass().getSimpleName(), Timestamp.from(message.getTimestamp()),
                meta.get(CaseMetadata.ACTOR), meta.get(CaseMetadata.ROLE), meta.get(CaseMetadata.REASON),
                meta.get(CaseMetadata.CORRELATION_ID), meta.get(CaseMetadata.REQUEST_ID),
                village, event instanceof RecordCorrected corrected ? corrected.eventId() : null, json(event)};
    }

    private static String json(Object event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }

    private String villageOf(Object event, String caseId, String table) {
        if (event instanceof ChildRegistered registered) {
            return registered.child().villageCode();
        }
        if (event instanceof CaseTransferred transferred) {
            return transferred.toVillageCode();
        }
        return jdbc.queryForObject(
                "SELECT village_code FROM " + table + " WHERE case_id = ? ORDER BY sequence DESC LIMIT 1",
                String.class, caseId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM " + TABLE);
    }
}
