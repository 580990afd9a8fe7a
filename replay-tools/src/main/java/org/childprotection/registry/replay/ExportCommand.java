package org.childprotection.registry.replay;

import org.childprotection.registry.accesslog.AccessLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.DateTimeUtils;
import org.childprotection.registry.eventlog.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The audit trail as JSON Lines, read from the event log itself (not from a projection): one event per line
 * with its global position, metadata and payload, in log order.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export events as JSON Lines: those of one case, or those recorded in a time range; or, with "
                + "--access-log, the access-log rows that read one case.")
public class ExportCommand implements Callable<Integer> {

    static class Selection {
        @Option(names = "--case", paramLabel = "<caseId>", required = true, description = "Export this case's events.")
        String caseId;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Range range;
    }

    static class Range {
        @Option(names = "--from", paramLabel = "<instant>", required = true,
                description = "First instant included, ISO-8601 UTC (e.g. 2026-03-01T00:00:00Z).")
        Instant from;

        @Option(names = "--to", paramLabel = "<instant>", required = true, description = "Instant excluded.")
        Instant to;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = "--with-proofs", description = "Start with a signed tree head (the newest one witnesses cosigned "
            + "that covers every exported event, else the latest), its key id and cosignatures, and give every event its "
            + "Merkle leaf and inclusion proof, so that the file can be verified offline (verify-export).")
    boolean withProofs;

    @Option(names = "--access-log", description = "Export instead the access-log rows that read the case (--case): "
            + "its own reads and the pages that listed it. With --with-proofs, the latest signed access-log tree head "
            + "first and every row it covers with its leaf and inclusion proof (rows logged after that head are left "
            + "out and counted).")
    boolean accessLog;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final String COLUMNS = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
                   payload_revision, time_stamp, convert_from(meta_data, 'UTF8') AS meta_data,
                   convert_from(payload, 'UTF8') AS payload
            FROM domain_event_entry
            """;

    @Override
    public Integer call() throws IOException {
        if (selection.range != null && !selection.range.from.isBefore(selection.range.to)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from must be before --to.");
        }
        if (accessLog) {
            return AccessLogExport.run(spec, selection.caseId, withProofs, output);
        }
        JdbcTemplate jdbc = ReplayTools.context().getBean(JdbcTemplate.class);
        ProofWriter proofs = withProofs ? ProofWriter.choose(ReplayTools.context(), coveringSize(jdbc)) : null;
        if (withProofs && proofs == null) {
            spec.commandLine().getErr().println("No signed tree head yet: start the registry once so that it signs one.");
            return 1;
        }
        try (PrintWriter out = output == null ? spec.commandLine().getOut()
                : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            if (proofs != null) {
                out.println(proofs.headLine());
            }
            long[] count = {0};
            java.util.Set<String> cases = new java.util.LinkedHashSet<>();
            org.springframework.jdbc.core.RowCallbackHandler write = rs -> {
                ObjectNode line = line(rs);
                cases.add(line.get("caseId").asText());
                if (proofs != null) {
                    proofs.addProof(line);
                }
                out.println(line);
                count[0]++;
            };
            if (selection.caseId != null) {
                jdbc.query(COLUMNS + "WHERE aggregate_identifier = ? ORDER BY global_index", write, selection.caseId);
            } else {
                jdbc.query(COLUMNS + "WHERE time_stamp >= ? AND time_stamp < ? ORDER BY global_index", write,
                        DateTimeUtils.formatInstant(selection.range.from), DateTimeUtils.formatInstant(selection.range.to));
            }
            out.flush();
            if (selection.caseId != null && count[0] == 0) {
                spec.commandLine().getErr().println("No events of case " + selection.caseId + " in the log.");
                return 1;
            }
            if (selection.caseId != null) {
                ToolReads.record("export", AccessLog.Resource.EXPORT, selection.caseId, null, java.util.Map.of());
            } else {
                ToolReads.record("export", AccessLog.Resource.EXPORT, null, List.copyOf(cases), java.util.Map.of(
                        "from", selection.range.from.toString(), "to", selection.range.to.toString()));
            }
            spec.commandLine().getErr().println("Exported " + count[0] + " event(s).");
            return 0;
        }
    }

    /** The tree size a head needs to cover every exported event; null when one of them is not in the Merkle log yet. */
    private Long coveringSize(JdbcTemplate jdbc) {
        String sql = "SELECT count(*) = count(l.leaf_index) AS all_logged, coalesce(max(l.leaf_index) + 1, 0) AS size "
                + "FROM domain_event_entry e LEFT JOIN merkle_leaf l ON l.global_index = e.global_index WHERE ";
        org.springframework.jdbc.core.RowMapper<Long> size = (rs, i) -> rs.getBoolean("all_logged") ? rs.getLong("size") : null;
        return selection.caseId != null
                ? jdbc.queryForObject(sql + "e.aggregate_identifier = ?", size, selection.caseId)
                : jdbc.queryForObject(sql + "e.time_stamp >= ? AND e.time_stamp < ?", size,
                        DateTimeUtils.formatInstant(selection.range.from), DateTimeUtils.formatInstant(selection.range.to));
    }

    private static ObjectNode line(java.sql.ResultSet rs) throws java.sql.SQLException {
        ObjectNode line = EventJson.mapper().createObjectNode();
        line.put("globalIndex", rs.getLong("global_index"));
        line.put("eventId", rs.getString("event_identifier"));
        line.put("caseId", rs.getString("aggregate_identifier"));
        line.put("sequence", rs.getLong("sequence_number"));
        line.put("type", simpleName(rs.getString("payload_type")));
        line.put("payloadType", rs.getString("payload_type"));
        line.put("payloadRevision", rs.getString("payload_revision"));
        line.put("timestamp", rs.getString("time_stamp"));
        line.set("metadata", json(rs.getString("meta_data")));
        line.set("payload", json(rs.getString("payload")));
        return line;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : EventJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
