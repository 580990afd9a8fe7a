package org.childprotection.registry.accesslog;

import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who read which case, when, in which request: one row per read, whatever it returned (one case, a page of cases, a
 * statistics filter, a tool's run). Rows are only ever added (the table refuses UPDATE, DELETE and TRUNCATE); nothing
 * here changes or removes one. The access log is a Merkle log of its own (docs/tamper-evident-log.md).
 */
@Repository
public class AccessLog {

    /** What was read: by the API (a case, a page of cases, statistics) or by a tool on the maintainer's machine. */
    public enum Resource {
        CASE_FILE, CASE_FILE_AS_OF, HISTORY, PROOF, CASELOAD, AUDIT_EVENTS, TRANSFERS, STATISTICS,
        /** The closed cases due for erasure (docs/erasure.md). */
        PRIVACY_DUE,
        /** {@code replay-tools export}, {@code as-of} and {@code witness} runs. */
        EXPORT, AS_OF, WITNESS
    }

    /**
     * One read: the case it returned, or the cases a page returned, and what else says what was read (a statistics
     * filter; a tool's operating-system user and database login). Detail values are text: the row's canonical bytes
     * admit no fractional numbers.
     */
    public record Read(Resource resource, String caseId, List<String> caseIds, Map<String, String> detail) {

        public static Read ofCase(Resource resource, String caseId) {
            return new Read(resource, caseId, null, null);
        }

        public static Read ofPage(Resource resource, List<String> caseIds) {
            return new Read(resource, null, List.copyOf(caseIds), null);
        }

        public static Read withDetail(Resource resource, String caseId, Map<String, String> detail) {
            return new Read(resource, caseId, null, detail);
        }
    }

    public record AccessRecord(long id, Instant accessedAt, String username, String role, String caseId,
                               List<String> caseIds, Resource resource, String requestId, String serverRequestId,
                               String clientAddress, Map<String, String> detail) {
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;

    public AccessLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Instant at, String username, String role, String caseId, Resource resource, Origin origin) {
        record(at, username, role, Read.ofCase(resource, caseId), origin);
    }

    public void record(Instant at, String username, String role, Read read, Origin origin) {
        jdbc.update("""
                INSERT INTO access_log (accessed_at, username, role, case_id, case_ids, resource, request_id,
                                        server_request_id, client_address, detail)
                VALUES (:at, :username, :role, :caseId, :caseIds, :resource, :requestId, :serverRequestId,
                        :clientAddress, CAST(:detail AS jsonb))
                """, new MapSqlParameterSource("at", Timestamp.from(at)).addValue("username", username)
                .addValue("role", role).addValue("caseId", read.caseId())
                .addValue("caseIds", read.caseIds() == null ? null : read.caseIds().toArray(String[]::new),
                        Types.ARRAY)
                .addValue("resource", read.resource().name())
                .addValue("requestId", origin.requestId()).addValue("serverRequestId", origin.serverRequestId())
                .addValue("clientAddress", origin.clientAddress()).addValue("detail", json(read.detail())));
    }

    public Page<AccessRecord> page(Filter filter, PageRequest page) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (filter.caseId() != null) {
            conditions.add("(case_id = :caseId OR :caseId = ANY (case_ids))");
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
                        rs.getArray("case_ids") == null ? null : List.of((String[]) rs.getArray("case_ids").getArray()),
                        Resource.valueOf(rs.getString("resource")), rs.getString("request_id"),
                        rs.getString("server_request_id"), rs.getString("client_address"),
                        detail(rs.getString("detail"))));
    }

    private static String json(Map<String, String> detail) {
        try {
            return detail == null ? null : JSON.writeValueAsString(new TreeMap<>(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> detail(String json) {
        try {
            return json == null ? null : JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An access-log row's detail is not an object of text", e);
        }
    }
}
