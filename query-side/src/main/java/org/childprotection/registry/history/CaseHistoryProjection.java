package org.childprotection.registry.history;

import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.projection.CopyIn;
import org.childprotection.registry.projection.Projection;
import org.childprotection.registry.projection.ProjectionTarget;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.transfer.CaseTransferred;
import org.childprotection.registry.transfer.TransferAccepted;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indexes every event in case_event: its position in the log and in its case, its type, time and actor, the event it
 * corrects, and the case's village at that moment (which the log does not hold). The event's JSON and the rest of
 * its metadata stay in the log, where the history is read from (docs/the-log-is-the-history.md). Idempotent: an
 * event already indexed is left as it is.
 */
@Component
public class CaseHistoryProjection extends Projection {

    public static final String NAME = "case-history";
    public static final String TABLE = "case_event";

    /** A registration's village as the log stores the event: a clear field beside the sealed ones. */
    private static final ObjectReader REGISTERED_VILLAGE = EventJson.mapper().readerFor(String.class)
            .at("/child/villageCode");

    private final JdbcTemplate jdbc;
    private final Serializer log;

    public CaseHistoryProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer log) {
        super(NAME);
        this.jdbc = jdbc;
        this.log = log;
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
     * One batched insert for the run (into a rebuild's fresh copy, one COPY: see {@link CopyIn}). The villages of the run's cases that began earlier are read in one query,
     * then followed in memory. Payloads are read only where a field is needed.
     */
    @Override
    public void applyAll(List<Positioned> events, ProjectionTarget target) {
        String table = target.table(TABLE);
        Map<String, String> villages = villagesBefore(events, table);
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Positioned positioned : events) {
            DomainEventMessage<?> message = positioned.event();
            String village = opensVillage(message)
                    ? villageOf(message, target)
                    : villages.get(message.getAggregateIdentifier());
            if (village == null) {
                throw new IllegalStateException("Event " + message.getIdentifier() + " belongs to a case without history");
            }
            villages.put(message.getAggregateIdentifier(), village);
            rows.add(row(message, positioned.globalIndex(), village));
        }
        if (target == ProjectionTarget.REBUILD) {
            CopyIn.rows(jdbc, table, COLUMNS, rows);
        } else {
            jdbc.batchUpdate(insert(table), rows);
        }
    }

    private static final String COLUMNS = "global_index, case_id, sequence, type, occurred_at, actor, village_code, "
            + "corrects_event_id";

    private static String insert(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ")" + """
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (global_index) DO NOTHING
                """;
    }

    private Object[] row(DomainEventMessage<?> message, long globalIndex, String village) {
        Class<?> type = message.getPayloadType();
        return new Object[]{globalIndex, message.getAggregateIdentifier(), message.getSequenceNumber(),
                type.getSimpleName(), Timestamp.from(message.getTimestamp()),
                message.getMetaData().get(CaseMetadata.ACTOR), village,
                type == RecordCorrected.class ? ((RecordCorrected) message.getPayload()).eventId() : null};
    }

    /**
     * Registrations and accepted transfers (and the one-step transfers of old logs) carry the case's village; every
     * other event keeps the one before it: a transfer's request and decline are the sending side's.
     */
    private static boolean opensVillage(DomainEventMessage<?> message) {
        Class<?> type = message.getPayloadType();
        return type == ChildRegistered.class || type == TransferAccepted.class || type == CaseTransferred.class;
    }

    /**
     * A rebuild reads a registration's village from the event as the log stores it: opening its sealed fields
     * (docs/erasure.md), which the history does not keep, cost a rebuild more than anything else it does with them.
     * Events a command has just recorded are at hand as they are.
     */
    private String villageOf(DomainEventMessage<?> message, ProjectionTarget target) {
        if (target == ProjectionTarget.REBUILD && message.getPayloadType() == ChildRegistered.class) {
            try {
                return REGISTERED_VILLAGE.readValue(message.serializePayload(log, byte[].class).getData());
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable event in the log: " + message.getIdentifier(), e);
            }
        }
        return villageOf(message.getPayload());
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
