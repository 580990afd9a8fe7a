package org.childprotection.registry.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.correction.Correctable;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.privacy.IdNumbers;
import org.childprotection.registry.privacy.PersonalDataSeal;
import org.childprotection.registry.registration.ChildRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes history entries from the log: the event's id, its JSON as stored with its personal fields opened (or
 * null, once the case is erased) and the metadata of why it was recorded. The history's own table holds only what entries are found and ordered by.
 */
@Component
class RecordedEvents {

    /** A row of case_event: where an event is, what it is, who recorded it when, and the case's village then. */
    record Indexed(long globalIndex, String caseId, long sequence, String type, Instant occurredAt, String actor,
                   String villageCode, String correctsEventId) {
    }

    private record Stored(String eventId, String data, JsonNode metaData) {
    }

    private final JdbcTemplate jdbc;
    private final PersonalDataSeal seal;

    RecordedEvents(JdbcTemplate jdbc, PersonalDataSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    /** The entries in the order given, read by their global indexes (events of many cases: the audit trail). */
    List<CaseEvent> of(List<Indexed> indexed) {
        return read(indexed, "global_index = ANY (?)", ps -> ps.setArray(1, ps.getConnection()
                .createArrayOf("bigint", indexed.stream().map(Indexed::globalIndex).toArray())));
    }

    /**
     * The entries of one case in the order given, read as one range of the log's (aggregate_identifier,
     * sequence_number) index rather than an index probe per event; an event of the log that the history does not
     * hold yet is left out.
     */
    List<CaseEvent> ofCase(String caseId, List<Indexed> indexed) {
        return read(indexed, "aggregate_identifier = ? AND sequence_number <= ?", ps -> {
            ps.setString(1, caseId);
            ps.setLong(2, indexed.stream().mapToLong(Indexed::sequence).max().orElse(-1));
        });
    }

    /** convert_from hands the stored UTF-8 over as text, without bytea's hex encoding. */
    private List<CaseEvent> read(List<Indexed> indexed, String condition, PreparedStatementSetter parameters) {
        if (indexed.isEmpty()) {
            return List.of();
        }
        Map<Long, Stored> stored = new HashMap<>(indexed.size() * 2);
        jdbc.query("SELECT global_index, event_identifier, convert_from(payload, 'UTF8'), "
                        + "convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE " + condition, parameters,
                rs -> {
                    stored.put(rs.getLong(1), new Stored(rs.getString(2), rs.getString(3), metaData(rs.getString(4))));
                });
        return indexed.stream().map(i -> entry(i, stored.get(i.globalIndex()))).toList();
    }

    private CaseEvent entry(Indexed i, Stored s) {
        if (s == null) {
            throw new IllegalStateException("The history indexes event " + i.globalIndex() + ", which the log lacks");
        }
        return new CaseEvent(s.eventId(), i.globalIndex(), i.caseId(), i.sequence(), i.type(), i.occurredAt(),
                i.actor(), text(s.metaData(), CaseMetadata.ROLE), text(s.metaData(), CaseMetadata.REASON),
                text(s.metaData(), CaseMetadata.CORRELATION_ID), text(s.metaData(), CaseMetadata.REQUEST_ID),
                i.villageCode(), i.correctsEventId(), shown(i.caseId(), i.type(), s.data()), List.of());
    }

    /**
     * The event's JSON with its sealed fields opened, and its identity number masked: the history and the audit
     * trail are not the case file, which alone shows the whole number (docs/erasure.md).
     */
    private String shown(String caseId, String type, String json) {
        try {
            JsonNode data = seal.open(EventJson.mapper().readTree(json), caseId);
            if (type.equals(ChildRegistered.class.getSimpleName()) && data.path("child").isObject()) {
                mask((ObjectNode) data.get("child"), "idNumber");
            } else if (type.equals(RecordCorrected.class.getSimpleName()) && data instanceof ObjectNode correction
                    && Correctable.CHILD_ID_NUMBER.field().equals(correction.path("field").asText())) {
                mask(correction, "value");
            }
            return EventJson.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable event in the log", e);
        }
    }

    private static void mask(ObjectNode holder, String field) {
        if (holder.path(field).isTextual()) {
            holder.put(field, IdNumbers.mask(holder.get(field).asText()));
        }
    }

    private JsonNode metaData(String json) {
        try {
            // a sealed reason names its case
            return json == null ? EventJson.mapper().missingNode() : seal.open(EventJson.mapper().readTree(json), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable metadata in the log", e);
        }
    }

    private static String text(JsonNode metaData, String key) {
        JsonNode value = metaData.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
