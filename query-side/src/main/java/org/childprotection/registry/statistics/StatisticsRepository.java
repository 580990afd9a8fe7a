package org.childprotection.registry.statistics;

import org.childprotection.registry.readmodel.Jurisdictions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Statistics worked out from the case-file and history projections for one village-code prefix. */
@Repository
public class StatisticsRepository {

    static final String NOT_ASSESSED = "NOT_ASSESSED";
    /** The open cases without a caseworker: accepted transfers that the receiving side has not assigned yet. */
    static final String UNASSIGNED = "UNASSIGNED";

    private final NamedParameterJdbcTemplate jdbc;

    public StatisticsRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code villageCode} may be null (all the reader may see); {@code from} and {@code to} too. */
    public Statistics of(String villageCode, Jurisdictions jurisdictions, Instant from, Instant to, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("now", Timestamp.from(now));
        String scope = jurisdictions.condition("village_code", p)
                + (villageCode == null ? "" : " AND " + Jurisdictions.of(villageCode).condition("village_code", p, "villageCode"));
        String open = scope + " AND status <> 'CLOSED'";

        Map<String, Long> byStatus = counts("SELECT status AS k, count(*) AS n FROM case_file WHERE " + scope
                + " GROUP BY status ORDER BY status", p);
        Map<String, Long> byRisk = counts("SELECT coalesce(risk_level, '" + NOT_ASSESSED + "') AS k, count(*) AS n"
                + " FROM case_file WHERE " + open + " GROUP BY 1 ORDER BY 1", p);
        Map<String, Long> perCaseworker = counts("SELECT coalesce(caseworker, '" + UNASSIGNED + "') AS k, count(*) AS n"
                + " FROM case_file WHERE " + open + " GROUP BY 1 ORDER BY 1", p);
        long cases = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long overdue = jdbc.queryForObject("SELECT count(*) FROM case_file WHERE " + scope + " AND due_at < :now",
                p, Long.class);
        Double median = jdbc.queryForObject("""
                SELECT percentile_cont(0.5) WITHIN GROUP (
                         ORDER BY extract(epoch FROM first_assessed_at - reported_at) / 3600.0)
                FROM case_file WHERE first_assessed_at IS NOT NULL""" + " AND " + scope
                + period("reported_at", from, to, p), p, Double.class);
        long emergencies = jdbc.queryForObject("SELECT count(*) FROM case_event WHERE type = 'EmergencyDeclared' AND "
                + scope + period("occurred_at", from, to, p), p, Long.class);
        return new Statistics(villageCode, from, to, cases, byStatus, byRisk, overdue, perCaseworker,
                median == null ? null : Math.round(median * 100) / 100.0, emergencies);
    }

    private static String period(String column, Instant from, Instant to, MapSqlParameterSource parameters) {
        StringBuilder sql = new StringBuilder();
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= :from");
            parameters.addValue("from", Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" < :to");
            parameters.addValue("to", Timestamp.from(to));
        }
        return sql.toString();
    }

    private Map<String, Long> counts(String sql, MapSqlParameterSource parameters) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, parameters, rs -> {
            counts.put(rs.getString("k"), rs.getLong("n"));
        });
        return counts;
    }
}
