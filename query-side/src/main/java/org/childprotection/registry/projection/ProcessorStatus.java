package org.childprotection.registry.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every processor that follows the log stands (the Merkle log; projections are applied by the commands
 * themselves), read from the token store and the log, so it sees every node's segments: each segment's position in
 * the settled order, its owner, whether it is replaying, and how many settled events it still has to read.
 */
@Component
public class ProcessorStatus {

    public record Segment(int segment, Long transactionId, Long globalIndex, String owner, boolean replaying,
                          long lag) {
    }

    public record Processor(String name, List<Segment> segments, long lag, boolean replaying, long headGlobalIndex) {
    }

    private final JdbcTemplate jdbc;

    public ProcessorStatus(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Processor> all() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        Map<String, List<Segment>> byProcessor = new LinkedHashMap<>();
        jdbc.query("SELECT processor_name, segment, token_type, token, owner FROM token_entry "
                + "ORDER BY processor_name, segment", rs -> {
            JsonNode token = json(rs.getBytes("token"));
            boolean replaying = rs.getString("token_type") != null && rs.getString("token_type").endsWith("ReplayToken");
            JsonNode position = replaying ? token.path("currentToken") : token;
            Long tx = position.hasNonNull("transactionId") ? position.get("transactionId").asLong() : null;
            Long index = position.hasNonNull("globalIndex") ? position.get("globalIndex").asLong() : null;
            byProcessor.computeIfAbsent(rs.getString("processor_name"), k -> new ArrayList<>())
                    .add(new Segment(rs.getInt("segment"), tx, index, rs.getString("owner"), replaying,
                            lagAfter(tx == null ? 0 : tx, index == null ? 0 : index)));
        });
        return byProcessor.entrySet().stream()
                .map(e -> new Processor(e.getKey(), e.getValue(),
                        e.getValue().stream().mapToLong(Segment::lag).max().orElse(0),
                        e.getValue().stream().anyMatch(Segment::replaying), head))
                .toList();
    }

    /** Settled events after the position: what the segment has yet to read. */
    private long lagAfter(long transactionId, long globalIndex) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE (tx_id, global_index) > (?, ?)
                  AND tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                """, Long.class, transactionId, globalIndex);
    }

    private static JsonNode json(byte[] token) {
        try {
            return token == null ? EventJson.mapper().createObjectNode()
                    : EventJson.mapper().readTree(new String(token, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
