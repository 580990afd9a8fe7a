package org.childprotection.registry.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Objects;

/**
 * Appends the access log's settled rows, in the settled order (tx_id, id), as the next leaves of the access log's
 * Merkle log. Every API node runs it; a transaction-scoped advisory lock lets one node append at a time, and the
 * leaves' unique keys refuse a second copy of any leaf, so each row becomes exactly one leaf. Each batch is read and
 * written in one short transaction that takes a transaction id only for its final inserts, so it holds back the
 * log's readers for milliseconds.
 */
@Component
public class AccessLogAppender {

    private static final Logger log = LoggerFactory.getLogger(AccessLogAppender.class);
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final CanonicalAccessLog rows;
    private final MerkleLogStore store;
    private final TransactionTemplate transaction;
    private volatile String lastFailure;

    public AccessLogAppender(JdbcTemplate jdbc, CanonicalAccessLog rows,
                             @Qualifier(MerkleLogKind.ACCESS_LOG_NAME) MerkleLogStore store,
                             PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Every {@code registry.integrity.access-log-append-interval}; a failure is logged once, not on every run. */
    @Scheduled(fixedDelayString = "${registry.integrity.access-log-append-interval:PT0.2S}")
    public void scheduled() {
        try {
            appendSettled();
            lastFailure = null;
        } catch (RuntimeException e) {
            if (!Objects.equals(lastFailure, e.getMessage())) {
                log.error("The access log's Merkle log is not appended to", e);
            }
            lastFailure = e.getMessage();
        }
    }

    /** Appends every row settled by now; answers how many leaves were added (0 when another node is appending). */
    public long appendSettled() {
        long added = 0;
        for (long batch = appendBatch(); batch > 0; batch = appendBatch()) {
            added += batch;
            if (batch < BATCH) {
                break;
            }
        }
        return added;
    }

    private long appendBatch() {
        Long added = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT pg_try_advisory_xact_lock(hashtext('access-log-merkle-log'))", Boolean.class))) {
                return 0L;
            }
            Long lastLogged = store.last().map(MerkleLogStore.Leaf::position).orElse(null);
            if (lastLogged != null && !rows.exists(lastLogged)) {
                throw new IllegalStateException("access-log row " + lastLogged + ", the last one the Merkle log holds, "
                        + "is not in the access log: it was removed (GET /api/integrity/verify names what changed)");
            }
            List<CanonicalAccess> next = rows.settledAfter(lastLogged, BATCH);
            store.appendAll(next.stream().map(row -> new MerkleLogStore.NewLeaf(row.id(), row.leafHash())).toList());
            return (long) next.size();
        });
        return added == null ? 0 : added;
    }
}
