package org.childprotection.registry.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares the projections and the Merkle log with the event log itself: how many cases have a file that is
 * missing or older than their latest event, how many events the history lacks, and how many have no Merkle leaf.
 * All zero means every committed event has been projected and logged; it is the independent check behind the
 * settled reader.
 */
@Component
public class Reconciliation {

    public record Result(long caseFilesBehind, long historyEventsMissing, long merkleLeavesMissing) {

        public boolean complete() {
            return caseFilesBehind == 0 && historyEventsMissing == 0 && merkleLeavesMissing == 0;
        }
    }

    private final JdbcTemplate jdbc;

    public Reconciliation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Result check() {
        Long filesBehind = jdbc.queryForObject("""
                SELECT count(*) FROM (
                    SELECT aggregate_identifier, max(sequence_number) AS last FROM domain_event_entry GROUP BY 1
                ) log LEFT JOIN case_file f ON f.case_id = log.aggregate_identifier
                WHERE f.version IS DISTINCT FROM log.last
                """, Long.class);
        Long historyMissing = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry e
                WHERE NOT EXISTS (SELECT 1 FROM case_event h WHERE h.global_index = e.global_index)
                """, Long.class);
        Long leavesMissing = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry e
                WHERE NOT EXISTS (SELECT 1 FROM merkle_leaf l WHERE l.global_index = e.global_index)
                """, Long.class);
        return new Result(filesBehind, historyMissing, leavesMissing);
    }
}
