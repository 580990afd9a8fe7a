package org.childprotection.registry.accesslog;

import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who read which case, when, in which request. Rows are only ever added (the table refuses UPDATE, DELETE and
 * TRUNCATE); nothing here changes or removes one.
 */
@Repository
public class AccessLog {

    public enum Resource { CASE_FILE, CASE_FILE_AS_OF, HISTORY, PROOF }

    public record AccessRecord(long id, Instant accessedAt, String username, String role, String caseId, Resource resource,
                        String requestId, String serverRequestId, String clientAddress) {
    }

    /**
     * Where a read came from: the request id the client gave (or the server's when it gave none), the id the server
     * made itself, which a client cannot choose, and the client's address.
     */
    public record Origin(String requestId, String serverRequestId, String clientAddress) {
    }

    /** Filters of the access log; any may be null. {@code to} is exclusive. */
    public record Filter(String caseId, String actor, Instant from, Instant to) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public AccessLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Instant at, String username, String role, String caseId, Resource resource, Origin origin) {
        jdbc.update("""
                INSERT INTO access_log (accessed_at, username, role, case_id, resource, request_id, server_request_id,
                                        client_address)
                VALUES (:at, :username, :role, :caseId, :resource, :requestId, :serverRequestId, :clientAddress)
                """, new MapSqlParameterSource("at", Timestamp.from(at)).addValue("username", username)
                .addValue("role", role).addValue("caseId", caseId).addValue("resource", resource.name())
                .addValue("requestId", origin.requestId()).addValue("serverRequestId", origin.serverRequestId())
                .addValue("clientAddress", origin.clientAddress()));
    }

    public Page<AccessRecord> page(Filter filter, PageRequest page) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (filter.caseId() != null) {
            conditions.add("case_id = :caseId");
            p.addValue("caseId", filter.caseId());
        }
        if (filter.actor() != null) {
            conditions.add("username = :actor");
            p.addValue("actor", filter.actor());
        }
        if (filter.from() != null) {
            conditions.add("accessed_at >= :from");
            p.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("accessed_at < :to");
            p.addValue("to", Timestamp.from(filter.to()));
        }
        return page.fetch(jdbc, "*", "access_log WHERE " + String.join(" AND ", conditions), "id",
                p, (rs, i) -> new AccessRecord(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(),
                        rs.getString("username"), rs.getString("role"), rs.getString("case_id"),
                        Resource.valueOf(rs.getString("resource")), rs.getString("request_id"),
                        rs.getString("server_request_id"), rs.getString("client_address")));
    }
}
