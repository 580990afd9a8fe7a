package org.childprotection.registry.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

/**
 * What an attacker with superuser rights could do to the access log: switch its append-only trigger off and change
 * or delete a row. Each returns how to undo it, as {@link Tampering} does for the event log.
 */
public final class AccessLogTampering {

    private final JdbcTemplate jdbc;

    public AccessLogTampering(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rewrites who read: the row's username. */
    public AutoCloseable change(long id) {
        String original = jdbc.queryForObject("SELECT username FROM access_log WHERE id = ?", String.class, id);
        asSuperuser(() -> jdbc.update("UPDATE access_log SET username = 'nobody' WHERE id = ?", id));
        return () -> asSuperuser(() -> jdbc.update("UPDATE access_log SET username = ? WHERE id = ?", original, id));
    }

    /** Removes the row; the undo puts it back as it was, its transaction id too. */
    public AutoCloseable delete(long id) {
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM access_log WHERE id = ?", id);
        asSuperuser(() -> jdbc.update("DELETE FROM access_log WHERE id = ?", id));
        String columns = String.join(", ", row.keySet());
        String values = String.join(", ", row.keySet().stream().map(c -> "?").toList());
        return () -> jdbc.update("INSERT INTO access_log (" + columns + ") VALUES (" + values + ")",
                row.values().toArray());
    }

    private void asSuperuser(Runnable change) {
        jdbc.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
        try {
            change.run();
        } finally {
            jdbc.execute("ALTER TABLE access_log ENABLE TRIGGER USER");
        }
    }
}
