package org.childprotection.registry.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Consumer;

/** Events read straight from the log table, in the form their leaves are computed from. */
@Repository
public class CanonicalEvents {

    static final String COLUMNS = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
                   payload_revision, time_stamp, convert_from(meta_data, 'UTF8') AS meta_data,
                   convert_from(payload, 'UTF8') AS payload
            FROM domain_event_entry""";

    public static final RowMapper<CanonicalEvent> ROW = (rs, i) -> new CanonicalEvent(rs.getLong("global_index"),
            rs.getString("event_identifier"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
            rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
            rs.getString("meta_data"), rs.getString("payload"));

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public CanonicalEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The events at these positions, in no particular order. */
    public List<CanonicalEvent> at(java.util.Collection<Long> globalIndexes) {
        return globalIndexes.isEmpty() ? List.of() : jdbc.query(COLUMNS + " WHERE global_index = ANY (?)", ROW,
                (Object) globalIndexes.toArray(Long[]::new));
    }

    public List<CanonicalEvent> ofCase(String caseId) {
        return jdbc.query(COLUMNS + " WHERE aggregate_identifier = ? ORDER BY global_index", ROW, caseId);
    }

    /**
     * Every settled event, in the settled order of the log (the order of the Merkle leaves), streamed a thousand
     * rows at a time (in a read-only transaction, which the driver needs for that), so a log of any size fits.
     */
    public void inSettledOrder(Consumer<CanonicalEvent> consumer) {
        readOnly.executeWithoutResult(status -> streaming.query(COLUMNS
                + " WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint ORDER BY tx_id, global_index",
                rs -> {
                    consumer.accept(ROW.mapRow(rs, 0));
                }));
    }
}
