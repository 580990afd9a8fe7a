package org.childprotection.registry.history;

import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the audit history: one case's events, or the cross-case trail, each with its corrections. case_event finds
 * and orders the events; what they recorded comes from the log itself ({@link RecordedEvents}).
 */
@Repository
public class CaseHistoryRepository {

    private static final String INDEXED = "global_index, case_id, sequence, type, occurred_at, actor, village_code, "
            + "corrects_event_id";

    private static final RowMapper<RecordedEvents.Indexed> ROW = (rs, i) -> new RecordedEvents.Indexed(
            rs.getLong("global_index"), rs.getString("case_id"), rs.getLong("sequence"), rs.getString("type"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("village_code"),
            rs.getString("corrects_event_id"));

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordedEvents recorded;

    public CaseHistoryRepository(NamedParameterJdbcTemplate jdbc, RecordedEvents recorded) {
        this.jdbc = jdbc;
        this.recorded = recorded;
    }

    /** Every event of the case in order, each with the corrections recorded against it. */
    public List<CaseEvent> ofCase(String caseId) {
        List<CaseEvent> events = recorded.ofCase(caseId, jdbc.query("SELECT " + INDEXED + " FROM case_event WHERE case_id = :caseId "
                + "ORDER BY sequence", Map.of("caseId", caseId), ROW));
        return withCorrections(events, events);
    }

    /** The cross-case trail in log order, limited to the reader's jurisdictions and the filter. */
    public Page<CaseEvent> trail(AuditTrailFilter filter, Jurisdictions jurisdictions, PageRequest page) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        conditions.add(jurisdictions.condition("village_code", parameters));
        if (filter.actor() != null) {
            conditions.add("actor = :actor");
            parameters.addValue("actor", filter.actor());
        }
        if (filter.type() != null) {
            conditions.add("type = :type");
            parameters.addValue("type", filter.type());
        }
        if (filter.villageCode() != null) {
            conditions.add(Jurisdictions.of(filter.villageCode()).condition("village_code", parameters, "villageCode"));
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            parameters.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            parameters.addValue("to", Timestamp.from(filter.to()));
        }
        Page<RecordedEvents.Indexed> indexed = page.fetch(jdbc, INDEXED, "case_event WHERE "
                + String.join(" AND ", conditions), "global_index", parameters, ROW);
        List<CaseEvent> events = recorded.of(indexed.items());
        List<CaseEvent> corrections = events.isEmpty() ? List.of() : recorded.of(jdbc.query("SELECT " + INDEXED
                        + " FROM case_event WHERE corrects_event_id IN (:ids) ORDER BY global_index",
                Map.of("ids", events.stream().map(CaseEvent::eventId).toList()), ROW));
        return new Page<>(withCorrections(events, corrections), page.page(), page.size(), indexed.total());
    }

    private static List<CaseEvent> withCorrections(List<CaseEvent> events, List<CaseEvent> candidates) {
        Map<String, List<Correction>> byCorrected = candidates.stream()
                .filter(e -> e.correctsEventId() != null)
                .collect(Collectors.groupingBy(CaseEvent::correctsEventId,
                        Collectors.mapping(CaseEvent::asCorrection, Collectors.toList())));
        return events.stream()
                .map(e -> e.withCorrections(byCorrected.getOrDefault(e.eventId(), List.of())))
                .toList();
    }
}
