package org.childprotection.registry.reliability;

import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database says after a scenario: which commands left events, whether every aggregate's sequence is
 * whole, and whether every projection and the Merkle log hold exactly the log (nothing missing, nothing doubled).
 */
final class LogAudit {

    /** The figures of one check; {@link #exact()} is what every scenario demands. */
    record Exactness(long events, long cases, long sequenceGaps, long historyRows, long historyDoubled,
                     long historyNotInLog, long leaves, long leavesDoubled, long caseFiles, long caseFilesNotInLog,
                     Reconciliation.Result reconciliation) {

        boolean exact() {
            return sequenceGaps == 0 && historyRows == events && historyDoubled == 0 && historyNotInLog == 0
                    && leaves == events && leavesDoubled == 0 && caseFiles == cases && caseFilesNotInLog == 0
                    && reconciliation.complete();
        }
    }

    private final JdbcTemplate jdbc;
    private final Reconciliation reconciliation;

    LogAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.reconciliation = new Reconciliation(jdbc);
    }

    /** Waits until the projections and the Merkle log have caught up with the log, then measures them. */
    Exactness afterCatchingUp(Duration timeout) {
        ProjectionsAwait.caughtUp(reconciliation, timeout);
        return new Exactness(
                count("SELECT count(*) FROM domain_event_entry"),
                count("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry"),
                count("""
                        SELECT count(*) FROM (SELECT aggregate_identifier FROM domain_event_entry GROUP BY 1
                                              HAVING max(sequence_number) + 1 <> count(*)) broken"""),
                count("SELECT count(*) FROM case_event"),
                count("SELECT count(*) - count(DISTINCT (case_id, sequence)) FROM case_event"),
                count("""
                        SELECT count(*) FROM case_event h WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e
                            WHERE e.global_index = h.global_index AND e.aggregate_identifier = h.case_id
                              AND e.sequence_number = h.sequence)"""),
                count("SELECT count(*) FROM merkle_leaf"),
                count("SELECT count(*) - count(DISTINCT global_index) + (coalesce(max(leaf_index) + 1, 0) - count(*)) "
                        + "FROM merkle_leaf"),
                count("SELECT count(*) FROM case_file"),
                count("""
                        SELECT count(*) FROM case_file f WHERE NOT EXISTS
                            (SELECT 1 FROM domain_event_entry e WHERE e.aggregate_identifier = f.case_id)"""),
                reconciliation.check());
    }

    /** How many events of the log carry each of these request ids (absent: none). */
    Map<String, Long> eventsByRequest(Collection<Command> commands) {
        Map<String, Long> counts = new HashMap<>();
        String[] ids = commands.stream().map(Command::requestId).toArray(String[]::new);
        jdbc.query("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' AS request_id, count(*)
                FROM domain_event_entry
                WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ANY (?)
                GROUP BY 1""", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, (Object) ids);
        return counts;
    }

    /** Whether the log holds the event with which the command answered: the case at that version. */
    long missingAnsweredVersions(List<Command> accepted) {
        return accepted.stream().filter(c -> count("SELECT count(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = ?", c.caseId(), c.version()) != 1).count();
    }

    long count(String sql, Object... arguments) {
        Long n = jdbc.queryForObject(sql, Long.class, arguments);
        return n == null ? 0 : n;
    }
}
