package org.childprotection.registry.securityevents;

import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Failed sign-ins and probes of cases outside a jurisdiction, for oversight and for the sign-in throttle. Rows are
 * only ever added (the table refuses UPDATE, DELETE and TRUNCATE). What a caller typed is stored as text cut to
 * the column's length, NUL characters (which PostgreSQL text cannot hold) replaced; the same is done to a username
 * or address asked about, so that a question finds what was stored.
 */
@Repository
public class SecurityEvents {

    private static final int NAME_LENGTH = 100;

    /** Filters of the security events; any may be null. {@code to} is exclusive. */
    public record Filter(SecurityEvent.Kind kind, String username, String address, String caseId, Instant from,
                         Instant to) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public SecurityEvents(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(SecurityEvent e) {
        jdbc.update("""
                INSERT INTO security_event (occurred_at, kind, username, role, address, means, case_id, method, path,
                                            status, request_id)
                VALUES (:at, :kind, :username, :role, :address, :means, :caseId, :method, :path, :status, :requestId)
                """, new MapSqlParameterSource("at", Timestamp.from(e.occurredAt()))
                .addValue("kind", e.kind().name())
                .addValue("username", fit(e.username(), NAME_LENGTH))
                .addValue("role", fit(e.role(), 32))
                .addValue("address", fit(e.address() == null ? "unknown" : e.address(), NAME_LENGTH))
                .addValue("means", e.means() == null ? null : e.means().name())
                .addValue("caseId", fit(e.caseId(), 64))
                .addValue("method", fit(e.method(), 16))
                .addValue("path", fit(e.path(), 300))
                .addValue("status", e.status())
                .addValue("requestId", fit(e.requestId(), 100)));
    }

    /**
     * The failures that count against a sign-in by {@code username} (may be null) from {@code address}: see
     * {@link RecentFailures}. Only rows after {@code horizon} are read; {@code window} is measured back from the
     * latest failure of each kind, so that the answer does not change until another failure is recorded.
     */
    public RecentFailures recentFailures(String username, String address, Instant horizon, Duration window) {
        MapSqlParameterSource p = new MapSqlParameterSource("username", fit(username, NAME_LENGTH))
                .addValue("address", fit(address == null ? "unknown" : address, NAME_LENGTH))
                .addValue("horizon", Timestamp.from(horizon))
                .addValue("window", window.toMillis());
        return jdbc.queryForObject("""
                WITH recent AS (
                    SELECT id, kind, username, address, occurred_at FROM security_event
                    WHERE occurred_at > :horizon
                      AND kind IN ('SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_IN_SUCCEEDED')
                      AND (username = :username OR address = :address)
                ), of_username AS (
                    SELECT occurred_at FROM recent
                    WHERE username = :username AND kind <> 'SIGN_IN_SUCCEEDED'
                      AND id > coalesce((SELECT max(id) FROM recent
                                         WHERE username = :username AND kind = 'SIGN_IN_SUCCEEDED'), 0)
                ), from_address AS (
                    SELECT occurred_at, coalesce(username, '#' || id) AS name FROM recent
                    WHERE address = :address AND kind <> 'SIGN_IN_SUCCEEDED'
                ), last AS (
                    SELECT (SELECT max(occurred_at) FROM of_username) AS of_username,
                           (SELECT max(occurred_at) FROM from_address) AS from_address
                )
                SELECT last.of_username AS last_of_username,
                       (SELECT count(*) FROM of_username
                        WHERE occurred_at > last.of_username - :window * interval '1 millisecond') AS of_username,
                       last.from_address AS last_from_address,
                       (SELECT count(*) FROM from_address
                        WHERE occurred_at > last.from_address - :window * interval '1 millisecond') AS from_address,
                       (SELECT count(DISTINCT name) FROM from_address
                        WHERE occurred_at > last.from_address - :window * interval '1 millisecond') AS names
                FROM last
                """, p, (rs, i) -> new RecentFailures(rs.getLong("of_username"), instant(rs, "last_of_username"),
                rs.getLong("from_address"), rs.getLong("names"), instant(rs, "last_from_address")));
    }

    public Page<SecurityEvent> page(Filter filter, PageRequest page) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (filter.kind() != null) {
            conditions.add("kind = :kind");
            p.addValue("kind", filter.kind().name());
        }
        if (filter.username() != null) {
            conditions.add("username = :username");
            p.addValue("username", fit(filter.username(), NAME_LENGTH));
        }
        if (filter.address() != null) {
            conditions.add("address = :address");
            p.addValue("address", fit(filter.address(), NAME_LENGTH));
        }
        if (filter.caseId() != null) {
            conditions.add("case_id = :caseId");
            p.addValue("caseId", filter.caseId());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            p.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            p.addValue("to", Timestamp.from(filter.to()));
        }
        return page.fetch(jdbc, "*", "security_event WHERE " + String.join(" AND ", conditions), "id", p,
                (rs, i) -> new SecurityEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        SecurityEvent.Kind.valueOf(rs.getString("kind")), rs.getString("username"),
                        rs.getString("role"), rs.getString("address"),
                        rs.getString("means") == null ? null : SecurityEvent.Means.valueOf(rs.getString("means")),
                        rs.getString("case_id"), rs.getString("method"), rs.getString("path"),
                        (Integer) rs.getObject("status"), rs.getString("request_id")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Text as a column can hold it: without NUL, at most {@code length} characters (not splitting a pair). */
    static String fit(String text, int length) {
        if (text == null) {
            return null;
        }
        String kept = text.replace('\u0000', '\uFFFD');
        if (kept.length() <= length) {
            return kept;
        }
        int end = Character.isHighSurrogate(kept.charAt(length - 1)) ? length - 1 : length;
        return kept.substring(0, end);
    }
}
