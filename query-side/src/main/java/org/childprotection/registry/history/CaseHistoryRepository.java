package org.childprotection.registry.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.childprotection.registry.eventlog.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Reads the audit history of cases from case_event. */
@Repository
public class CaseHistoryRepository {

    private static final RowMapper<CaseEvent> ROW = (rs, i) -> {
        try {
            return new CaseEvent(rs.getString("event_id"), rs.getLong("global_index"), rs.getString("case_id"),
                    rs.getLong("sequence"), rs.getString("type"), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("actor"), rs.getString("role"), rs.getString("reason"),
                    rs.getString("correlation_id"), rs.getString("request_id"),
                    EventJson.mapper().readTree(rs.getString("data")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable event data at " + rs.getLong("global_index"), e);
        }
    };

    private final JdbcTemplate jdbc;

    public CaseHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<CaseEvent> ofCase(String caseId) {
        return jdbc.query("SELECT * FROM case_event WHERE case_id = ? ORDER BY sequence", ROW, caseId);
    }

    /** The highest sequence number of the case that the history has seen, or -1. */
    public long lastSequence(String caseId) {
        Long last = jdbc.queryForObject("SELECT max(sequence) FROM case_event WHERE case_id = ?", Long.class, caseId);
        return last == null ? -1 : last;
    }
}
