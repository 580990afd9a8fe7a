package org.childprotection.registry.api.web;

import org.childprotection.registry.privacy.ErasurePurge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** First answers to idempotent commands, per user and key (table idempotency_key). */
@Repository
public class IdempotencyStore implements ErasurePurge {

    public record Stored(String requestHash, Integer status, String contentType, String location, byte[] body) {

        boolean pending() {
            return status == null;
        }
    }

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(String username, String key) {
        return jdbc.query("SELECT request_hash, status, content_type, location, body FROM idempotency_key "
                        + "WHERE username = ? AND idempotency_key = ?",
                (rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5)), username, key).stream().findFirst();
    }

    /** Reserves the key for this request; false when another request holds it already. */
    public boolean claim(String username, String key, String requestHash) {
        return jdbc.update("INSERT INTO idempotency_key (username, idempotency_key, request_hash) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", username, key, requestHash) == 1;
    }

    public void complete(String username, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ? "
                + "WHERE username = ? AND idempotency_key = ?", status, contentType, location, body, username, key);
    }

    /**
     * Forgets the answers about an erased case (its location or body names it): an answer holds no personal field,
     * but nothing of the case outlives its erasure that need not. The erasure's own request, still pending, stays.
     */
    @Override
    public void purge(String caseId) {
        jdbc.update("DELETE FROM idempotency_key WHERE status IS NOT NULL AND (location LIKE ? "
                + "OR position(convert_to(?, 'UTF8') IN body) > 0)", "%/api/cases/" + caseId + "%", caseId);
    }

    /** Gives the key up after a failure that wrote nothing, so that a retry can be carried out. */
    public void release(String username, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE username = ? AND idempotency_key = ? AND status IS NULL",
                username, key);
    }
}
