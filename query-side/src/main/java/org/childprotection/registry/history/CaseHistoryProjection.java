package org.childprotection.registry.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.projection.Projection;
import org.childprotection.registry.projection.ProjectionTarget;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.transfer.CaseTransferred;
import org.childprotection.registry.transfer.TransferAccepted;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies every event into case_event with its position in the log, the metadata of who recorded it, and the
 * case's village at that moment. Idempotent: an event already copied is left as it is.
 */
@Component
public class CaseHistoryProjection extends Projection {

    public static final String NAME = "case-history";
    public static final String TABLE = "case_event";

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;

    public CaseHistoryProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        super(NAME);
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    /** The rebuild looks up the village of cases that began before its current run through this index. */
    @Override
    public List<String> indexesWhileFilling() {
        return List.of("case_event_case_sequence");
    }

    /**
     * One batched insert for the run. The villages of the run's cases that began earlier are read in one query,
     * then followed in memory. Payloads are read only where a field is needed: the stored JSON goes to the table as
     * it is.
     */
    @Override
    public void applyAll(List<Positioned> events, ProjectionTarget target) {
        String table = target.table(TABLE);
        Map<String, String> villages = villagesBefore(events, table);
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Positioned positioned : events) {
            DomainEventMessage<?> message = positioned.event();
            String village = opensVillage(message)
                    ? villageOf(message.getPayload())
                    : villages.get(message.getAggregateIdentifier());
            if (village == null) {
                throw new IllegalStateException("Event " + message.getIdentifier() + " belongs to a case without history");
            }
            villages.put(message.getAggregateIdentifier(), village);
            rows.add(row(message, positioned.globalIndex(), village));
        }
        if (target == ProjectionTarget.REBUILD) {
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
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json))
                ON CONFLICT (global_index) DO NOTHING
                """;
    }

    private Object[] row(DomainEventMessage<?> message, long globalIndex, String village) {
        Class<?> type = message.getPayloadType();
        MetaData meta = message.getMetaData();
        return new Object[]{globalIndex, message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), type.getSimpleName(), Timestamp.from(message.getTimestamp()),
                meta.get(CaseMetadata.ACTOR), meta.get(CaseMetadata.ROLE), meta.get(CaseMetadata.REASON),
                meta.get(CaseMetadata.CORRELATION_ID), meta.get(CaseMetadata.REQUEST_ID), village,
                type == RecordCorrected.class ? ((RecordCorrected) message.getPayload()).eventId() : null,
                new String(message.serializePayload(eventSerializer, byte[].class).getData(), StandardCharsets.UTF_8)};
    }

    /**
     * Registrations and accepted transfers (and the one-step transfers of old logs) carry the case's village; every
     * other event keeps the one before it: a transfer's request and decline are the sending side's.
     */
    private static boolean opensVillage(DomainEventMessage<?> message) {
        Class<?> type = message.getPayloadType();
        return type == ChildRegistered.class || type == TransferAccepted.class || type == CaseTransferred.class;
    }

    private static String villageOf(Object event) {
        if (event instanceof ChildRegistered registered) {
            return registered.child().villageCode();
        }
        return event instanceof TransferAccepted accepted
                ? accepted.toVillageCode()
                : ((CaseTransferred) event).toVillageCode();
    }

    /** The latest village of every case whose run does not start with its registration or a transfer. */
    private Map<String, String> villagesBefore(List<Positioned> events, String table) {
        Set<String> started = new HashSet<>();
        Set<String> earlier = new HashSet<>();
        for (Positioned positioned : events) {
            String caseId = positioned.event().getAggregateIdentifier();
            if (started.add(caseId) && !opensVillage(positioned.event())) {
                earlier.add(caseId);
            }
        }
        Map<String, String> villages = new HashMap<>();
        if (!earlier.isEmpty()) {
            jdbc.query("SELECT DISTINCT ON (case_id) case_id, village_code FROM " + table
                            + " WHERE case_id = ANY (?) ORDER BY case_id, sequence DESC",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", earlier.toArray())),
                    rs -> {
                        villages.put(rs.getString(1), rs.getString(2));
                    });
        }
        return villages;
    }
}
