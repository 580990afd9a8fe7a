package org.childprotection.registry.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

/**
 * What an attacker with superuser rights could do to the event log: switch the append-only trigger off and
 * change, delete, insert or reorder events. Each returns how to undo it, so that one log serves several tests.
 */
public final class Tampering {

    private final JdbcTemplate jdbc;

    public Tampering(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public AutoCloseable change(long globalIndex) {
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, globalIndex);
        asSuperuser("UPDATE domain_event_entry SET payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb,"
                + " '{tampered}', 'true')::text, 'UTF8') WHERE global_index = " + globalIndex);
        return () -> asSuperuser(() -> jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                original, globalIndex));
    }

    public AutoCloseable delete(long globalIndex) {
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", globalIndex);
        asSuperuser("DELETE FROM domain_event_entry WHERE global_index = " + globalIndex);
        return () -> jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                        + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data, tx_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("global_index"), row.get("event_identifier"),
                row.get("aggregate_identifier"), row.get("sequence_number"), row.get("type"), row.get("time_stamp"),
                row.get("payload_type"), row.get("payload_revision"), row.get("payload"), row.get("meta_data"),
                row.get("tx_id"));
    }

    /** A forged copy of the event at {@code after}, placed right behind it in the log's settled order. */
    public long insertAfter(long after) {
        long forged = jdbc.queryForObject("SELECT max(global_index) + 1000 FROM domain_event_entry", Long.class);
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data, tx_id)"
                + " SELECT ?, ?, ?, 0, type, time_stamp, payload_type, payload_revision, payload, meta_data, tx_id"
                + " FROM domain_event_entry WHERE global_index = ?", forged, UUID.randomUUID().toString(),
                "forged-" + UUID.randomUUID(), after);
        return forged;
    }

    public AutoCloseable undoInsert(long forged) {
        return () -> asSuperuser("DELETE FROM domain_event_entry WHERE global_index = " + forged);
    }

    /** Swaps the positions of two events. */
    public AutoCloseable swap(long first, long second) {
        Runnable swap = () -> {
            jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first);
            jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
            jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second);
        };
        asSuperuser(swap);
        return () -> asSuperuser(swap);
    }

    /**
     * The insider's rewrite, as the tables' owner can do it: the event changed behind its trigger, the Merkle log's
     * three tables emptied and its processor's token removed, so that the registry rebuilds the tree from the changed
     * log. Not undone: a test doing this needs a registry of its own.
     */
    public void rewriteHistory(long globalIndex) {
        change(globalIndex);
        for (String table : new String[]{"merkle_leaf", "merkle_node", "tree_head"}) {
            jdbc.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            jdbc.execute("TRUNCATE " + table);
            jdbc.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
        }
        jdbc.update("DELETE FROM token_entry WHERE processor_name = 'merkle-log'");
    }

    private void asSuperuser(String sql) {
        asSuperuser(() -> jdbc.execute(sql));
    }

    private void asSuperuser(Runnable change) {
        jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER USER");
        try {
            change.run();
        } finally {
            jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER USER");
        }
    }
}
