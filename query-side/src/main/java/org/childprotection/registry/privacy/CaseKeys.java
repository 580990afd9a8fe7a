package org.childprotection.registry.privacy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cases' data keys (table case_key, docs/erasure.md): created with the case's first event, in its transaction;
 * unwrapped with the key-encryption key that wrapped them; destroyed by an approved erasure, for ever.
 * <p>
 * Unwrapped keys are cached, a live one for {@link #LIVE_FOR} at most, so that a key another node destroyed stops
 * opening here within that time; a destroyed one for good. A key read from the table is committed, and cached at
 * once; one this transaction made enters the cache only when it commits: a key whose registration rolled back must
 * not seal anything.
 */
@Component
public class CaseKeys {

    static final long LIVE_FOR = 60_000_000_000L;
    private static final int CACHED = 100_000;

    /** A case's key as this node last read it: null once destroyed. */
    private record Cached(SecretKey key, long readAt) {
    }

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKeys keks;
    /** Read by every thread that reads events; when it outgrows its bound it starts again, empty. */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CaseKeys(JdbcTemplate jdbc, KeyEncryptionKeys keks) {
        this.jdbc = jdbc;
        this.keks = keks;
    }

    /** The key to seal the case's personal data with, created on first use; refused once the case is erased. */
    SecretKey forSealing(String caseId) {
        Optional<Cached> known = cached(caseId);
        if (known.isPresent() && known.get().key() != null) {
            return known.get().key();
        }
        Optional<Stored> stored = read(caseId);
        if (stored.isEmpty()) {
            SecretKey created = create(caseId);
            if (created != null) {
                return created;
            }
            stored = read(caseId); // another transaction made it first
        }
        SecretKey key = stored.map(s -> open(caseId, s)).orElse(null);
        if (key == null) {
            throw new CaseErased(caseId);
        }
        cache(caseId, key);
        return key;
    }

    /**
     * Makes the key of a case about to record its first event, in that event's transaction, without looking for
     * one first; answers null when another transaction made it first.
     */
    SecretKey create(String caseId) {
        SecretKey created = new SecretKeySpec(Aead.randomKey(), "AES");
        KeyEncryptionKey kek = keks.current();
        if (jdbc.update("INSERT INTO case_key (case_id, wrapped_key, kek_id) VALUES (?, ?, ?) "
                + "ON CONFLICT (case_id) DO NOTHING", caseId, kek.wrap(caseId, created), kek.id()) != 1) {
            return null;
        }
        remember(caseId, created);
        return created;
    }

    /** The key to open the case's sealed fields with; empty once the case is erased. */
    Optional<SecretKey> forOpening(String caseId) {
        Optional<Cached> known = cached(caseId);
        if (known.isPresent()) {
            return Optional.ofNullable(known.get().key());
        }
        Optional<Stored> stored = read(caseId);
        // no row at all: nothing this registry sealed, or a key removed behind its back; either way, none
        SecretKey key = stored.map(s -> open(caseId, s)).orElse(null);
        if (stored.isPresent()) {
            cache(caseId, key);
        }
        return Optional.ofNullable(key);
    }

    /**
     * Reads into this node's cache, in one query, the keys of these cases that it does not hold: a rebuild's batch
     * spans hundreds of cases, and a query for each, small as it is, costs the database more than opening their fields.
     */
    void readAhead(Collection<String> caseIds) {
        String[] missing = caseIds.stream().filter(caseId -> cached(caseId).isEmpty()).toArray(String[]::new);
        if (missing.length == 0) {
            return;
        }
        jdbc.query("SELECT case_id, wrapped_key, kek_id FROM case_key WHERE case_id = ANY (?)", rs -> {
            String caseId = rs.getString(1);
            cache(caseId, open(caseId, new Stored(rs.getBytes(2), rs.getString(3))));
        }, (Object) missing);
    }

    /** Whether the case's key was destroyed by an erasure. */
    public boolean destroyed(String caseId) {
        return read(caseId).map(s -> s.wrapped() == null).orElse(false);
    }

    /** Destroys the case's key, in the caller's transaction; a key destroyed already stays so. */
    public void destroy(String caseId) {
        // a case without a key (its events all older than keys) gets a destroyed one: none can be made for it later
        jdbc.update("INSERT INTO case_key (case_id, wrapped_key, kek_id, destroyed_at) VALUES (?, NULL, NULL, now()) "
                + "ON CONFLICT (case_id) DO UPDATE SET wrapped_key = NULL, kek_id = NULL, "
                + "destroyed_at = coalesce(case_key.destroyed_at, now())", caseId);
        cache.remove(caseId);
        remember(caseId, null);
    }

    /**
     * Re-wraps, under the current key-encryption key, up to {@code limit} data keys that an older one wrapped;
     * answers how many. No event changes: the log holds data sealed with the data keys, which stay the same.
     */
    public int rewrap(int limit) {
        KeyEncryptionKey current = keks.current();
        List<Map<String, Object>> older = jdbc.queryForList("SELECT case_id, wrapped_key, kek_id FROM case_key "
                + "WHERE wrapped_key IS NOT NULL AND kek_id <> ? ORDER BY case_id LIMIT ? FOR UPDATE SKIP LOCKED",
                current.id(), limit);
        for (Map<String, Object> row : older) {
            String caseId = (String) row.get("case_id");
            SecretKey key = open(caseId, new Stored((byte[]) row.get("wrapped_key"), (String) row.get("kek_id")));
            jdbc.update("UPDATE case_key SET wrapped_key = ?, kek_id = ? WHERE case_id = ? AND kek_id = ?",
                    current.wrap(caseId, key), current.id(), caseId, row.get("kek_id"));
        }
        return older.size();
    }

    private record Stored(byte[] wrapped, String kekId) {
    }

    private Optional<Stored> read(String caseId) {
        return jdbc.query("SELECT wrapped_key, kek_id FROM case_key WHERE case_id = ?",
                (rs, i) -> new Stored(rs.getBytes(1), rs.getString(2)), caseId).stream().findFirst();
    }

    private SecretKey open(String caseId, Stored stored) {
        if (stored.wrapped() == null) {
            return null;
        }
        KeyEncryptionKey kek = keks.byId(stored.kekId().strip()).orElseThrow(() -> new IllegalStateException(
                "The data key of case " + caseId + " is wrapped by key-encryption key " + stored.kekId()
                        + ", which is not configured (" + KeyEncryptionKeys.RETIRED + " lists the retired ones)"));
        return kek.unwrap(caseId, stored.wrapped());
    }

    /** This node's cache first, then what this transaction has read or made already. */
    private Optional<Cached> cached(String caseId) {
        Cached entry = cache.get(caseId);
        if (entry != null && (entry.key() == null || System.nanoTime() - entry.readAt() <= LIVE_FOR)) {
            return Optional.of(entry);
        }
        Map<String, SecretKey> seen = inThisTransaction();
        return seen != null && seen.containsKey(caseId)
                ? Optional.of(new Cached(seen.get(caseId), System.nanoTime())) : Optional.empty();
    }

    /**
     * A key read from the table: committed by another transaction (this one's own keys are remembered apart), so
     * this node may use it from now on.
     */
    private void cache(String caseId, SecretKey key) {
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.put(caseId, new Cached(key, System.nanoTime()));
    }

    /**
     * Remembers a key this transaction made or destroyed (null) for the rest of it, and for this node once it
     * commits: a key made by a transaction that rolls back must never seal anything.
     */
    private void remember(String caseId, SecretKey key) {
        Map<String, SecretKey> seen = inThisTransaction();
        if (seen != null) {
            seen.put(caseId, key);
        } else {
            cache(caseId, key);
        }
    }

    private Map<String, SecretKey> inThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, SecretKey> seen = (Map<String, SecretKey>) TransactionSynchronizationManager.getResource(this);
        if (seen == null) {
            Map<String, SecretKey> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseKeys.this);
                    if (status == STATUS_COMMITTED) {
                        fresh.forEach(CaseKeys.this::cache);
                    }
                }
            });
            seen = fresh;
        }
        return seen;
    }
}
