package org.childprotection.registry.integrity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Access-log rows read straight from their table, in the form their leaves are computed from ({@link CanonicalAccess}),
 * in the settled order of the access log: (tx_id, id), rows whose transaction has ended, as the event log is read
 * (docs/reading-the-log-without-gaps.md).
 */
@Repository
public class CanonicalAccessLog {

    private static final String COLUMNS = """
            SELECT id, to_char(accessed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS accessed_at,
                   username, role, case_id, case_ids, resource, request_id, server_request_id, client_address,
                   detail::text AS detail
            FROM access_log""";

    private static final String SETTLED = "tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    public static final RowMapper<CanonicalAccess> ROW = (rs, i) -> {
        ObjectNode members = EventJson.mapper().createObjectNode();
        members.put("id", rs.getLong("id"));
        text(members, "accessedAt", rs.getString("accessed_at"));
        text(members, "username", rs.getString("username"));
        text(members, "role", rs.getString("role"));
        text(members, "caseId", rs.getString("case_id"));
        array(members, "caseIds", rs.getArray("case_ids"));
        text(members, "resource", rs.getString("resource"));
        text(members, "requestId", rs.getString("request_id"));
        text(members, "serverRequestId", rs.getString("server_request_id"));
        text(members, "clientAddress", rs.getString("client_address"));
        json(members, "detail", rs.getString("detail"));
        return new CanonicalAccess(rs.getLong("id"), members);
    };

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public CanonicalAccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Every settled row in the settled order, streamed a thousand rows at a time, so an access log of any size fits. */
    public void inSettledOrder(Consumer<CanonicalAccess> consumer) {
        readOnly.executeWithoutResult(status -> streaming.query(COLUMNS + " WHERE " + SETTLED + " ORDER BY tx_id, id",
                rs -> {
                    consumer.accept(ROW.mapRow(rs, 0));
                }));
    }

    /**
     * The next settled rows after the row with this id (from the start when null), in the settled order; empty when
     * that row is not in the table at all.
     */
    public List<CanonicalAccess> settledAfter(Long id, int limit) {
        if (id == null) {
            return jdbc.query(COLUMNS + " WHERE " + SETTLED + " ORDER BY tx_id, id LIMIT ?", ROW, limit);
        }
        return jdbc.query(COLUMNS + " WHERE (tx_id, id) > (SELECT tx_id, id FROM access_log WHERE id = ?) AND " + SETTLED
                + " ORDER BY tx_id, id LIMIT ?", ROW, id, limit);
    }

    public boolean exists(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM access_log WHERE id = ?)",
                Boolean.class, id));
    }

    /** The rows that read this case (its own, and pages that listed it), in the settled order. */
    public List<CanonicalAccess> ofCase(String caseId) {
        return jdbc.query(COLUMNS + " WHERE case_id = ? OR ? = ANY (case_ids) ORDER BY tx_id, id", ROW, caseId, caseId);
    }

    private static void text(ObjectNode members, String name, String value) {
        if (value != null) {
            members.put(name, value);
        }
    }

    private static void array(ObjectNode members, String name, Array value) throws SQLException {
        if (value != null) {
            ArrayNode items = members.putArray(name);
            for (Object item : (Object[]) value.getArray()) {
                if (item == null) {
                    items.addNull();
                } else {
                    items.add(item.toString());
                }
            }
        }
    }

    private static void json(ObjectNode members, String name, String value) {
        if (value != null) {
            try {
                members.set(name, EventJson.mapper().readTree(value));
            } catch (IOException e) {
                throw new UncheckedIOException("An access-log row's stored JSON cannot be read", e);
            }
        }
    }
}
