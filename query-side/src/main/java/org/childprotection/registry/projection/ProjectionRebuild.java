package org.childprotection.registry.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.childprotection.registry.eventlog.SettledEventStorageEngine;
import org.childprotection.registry.eventlog.SettledPosition;
import org.childprotection.registry.privacy.PersonalDataSeal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays the whole log into copies of a projection's tables ({@code <table>__rebuild}) while the live tables
 * keep serving, records its position after every batch so that an interrupted run resumes, and finally switches
 * in one transaction: with the live tables locked it applies the last events, drops the live tables and gives
 * the copies their names. Commands apply their events to the live tables in their own transactions
 * ({@link InlineProjections}); the lock makes each of them either finish before the switch (and the switch applies
 * its events to the copies) or write to the switched-in tables after it, so nothing is missed or doubled.
 */
@Component
public class ProjectionRebuild {

    /** Told of progress after every batch. */
    public interface Listener {
        void progress(long applied, long total);
    }

    public record State(SettledPosition position, long applied, Instant startedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SettledEventStorageEngine log;
    private final PersonalDataSeal seal;

    public ProjectionRebuild(JdbcTemplate jdbc, TransactionTemplate transactions, SettledEventStorageEngine log,
                             PersonalDataSeal seal) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.log = log;
        this.seal = seal;
    }

    public Optional<State> inProgress(String projection) {
        return jdbc.query("SELECT transaction_id, global_index, events_applied, started_at FROM projection_rebuild "
                        + "WHERE projection = ?",
                (rs, i) -> new State(new SettledPosition(rs.getLong(1), rs.getLong(2)), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()), projection).stream().findFirst();
    }

    /** Settled events in the whole log: what a rebuild from the start has to apply (for progress and ETA). */
    public long settledEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry "
                + "WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class);
    }

    /**
     * Builds the copies (or resumes building them) and switches them in.
     *
     * @return the number of events applied, over all runs of this rebuild
     */
    public long run(Projection projection, int batchSize, Listener listener) {
        State state = prepare(projection);
        long total = settledEvents();
        listener.progress(state.applied(), total);
        while (true) {
            State before = state;
            State after = transactions.execute(status -> applyBatch(projection, before, batchSize));
            if (after.applied() == before.applied()) {
                break;
            }
            state = after;
            listener.progress(state.applied(), Math.max(total, state.applied()));
        }
        transactions.executeWithoutResult(status -> indexCopies(projection, index -> true));
        State last = transactions.execute(status -> switchIn(projection));
        // fresh tables have no planner statistics and no visibility map: give them both before they serve reads
        projection.tables().forEach(table -> jdbc.execute("VACUUM ANALYZE " + table));
        listener.progress(last.applied(), last.applied());
        return last.applied();
    }

    /** Drops the copies and the recorded position of an unfinished rebuild. */
    public void abandon(Projection projection) {
        transactions.executeWithoutResult(status -> {
            projection.tables().forEach(t -> jdbc.execute("DROP TABLE IF EXISTS " + ProjectionTarget.REBUILD.table(t)));
            jdbc.update("DELETE FROM projection_rebuild WHERE projection = ?", projection.name());
        });
    }

    private State prepare(Projection projection) {
        return transactions.execute(status -> {
            Optional<State> resumed = inProgress(projection.name());
            if (resumed.isPresent()) {
                return resumed.get();
            }
            for (String table : projection.tables()) {
                String copy = ProjectionTarget.REBUILD.table(table);
                jdbc.execute("DROP TABLE IF EXISTS " + copy);
                // only the primary key while filling (the idempotent writes need it); other indexes come at the end
                jdbc.execute("CREATE TABLE " + copy + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                // owned by registry_maintainer and written by registry_app, as the live table (docs/database-roles.md)
                jdbc.execute("SELECT registry_projection_table('" + copy + "')");
                jdbc.execute("ALTER TABLE " + copy + " ADD " + jdbc.queryForObject("SELECT pg_get_constraintdef(oid) "
                        + "FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'p'", String.class, table));
            }
            indexCopies(projection, projection.indexesWhileFilling()::contains);
            Instant now = Instant.now();
            jdbc.update("INSERT INTO projection_rebuild (projection, transaction_id, global_index, events_applied, "
                    + "started_at, updated_at) VALUES (?, 0, 0, 0, ?, ?)", projection.name(), Timestamp.from(now),
                    Timestamp.from(now));
            return new State(SettledPosition.TAIL, 0, now);
        });
    }

    private State applyBatch(Projection projection, State from, int batchSize) {
        return apply(projection, from, log.readEvents(from.position(), false).limit(batchSize).toList());
    }

    private State apply(Projection projection, State from, List<? extends TrackedEventMessage<?>> events) {
        SettledPosition position = from.position();
        List<Projection.Positioned> run = new java.util.ArrayList<>(events.size());
        Set<String> cases = new HashSet<>();
        for (TrackedEventMessage<?> event : events) {
            position = (SettledPosition) event.trackingToken();
            run.add(new Projection.Positioned((DomainEventMessage<?>) event, position.globalIndex()));
            cases.add(((DomainEventMessage<?>) event).getAggregateIdentifier());
        }
        seal.readAhead(cases);
        projection.applyAll(run, ProjectionTarget.REBUILD);
        long applied = from.applied() + events.size();
        jdbc.update("UPDATE projection_rebuild SET transaction_id = ?, global_index = ?, events_applied = ?, "
                        + "updated_at = now() WHERE projection = ?", position.transactionId(), position.globalIndex(),
                applied, projection.name());
        return new State(position, applied, from.startedAt());
    }

    /**
     * The live tables' other indexes (those {@code wanted}), built on the copies: at the end on the filled copies
     * (faster than maintaining them row by row), except those the projection reads through while filling.
     */
    private void indexCopies(Projection projection, java.util.function.Predicate<String> wanted) {
        for (String table : projection.tables()) {
            String copy = ProjectionTarget.REBUILD.table(table);
            jdbc.query("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                    + "AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = ?::regclass "
                    + "AND c.contype = 'p' AND c.conname = i.indexname)", rs -> {
                String name = rs.getString(1);
                if (!wanted.test(name)) {
                    return;
                }
                String definition = rs.getString(2)
                        .replaceFirst("INDEX " + name + " ON ", "INDEX IF NOT EXISTS " + name + "__r ON ")
                        .replace(" ON " + jdbc.queryForObject("SELECT current_schema()", String.class) + "." + table + " ",
                                " ON " + copy + " ");
                jdbc.execute(definition);
            }, table, table);
        }
    }

    private State switchIn(Projection projection) {
        for (String table : projection.tables()) {
            jdbc.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        State state = inProgress(projection.name()).orElseThrow();
        // committed, not only settled: a transaction still open writes its events to the tables after this switch
        State next = apply(projection, state, log.readCommittedAfter(state.position()));
        for (String table : projection.tables()) {
            Map<String, String> indexNames = indexNamesByDefinition(table);
            jdbc.execute("DROP TABLE " + table);
            jdbc.execute("ALTER TABLE " + ProjectionTarget.REBUILD.table(table) + " RENAME TO " + table);
            indexNamesByDefinition(table).forEach((definition, name) -> {
                String wanted = indexNames.get(definition);
                if (wanted != null && !wanted.equals(name)) {
                    jdbc.execute("ALTER INDEX " + name + " RENAME TO " + wanted);
                }
            });
        }
        jdbc.update("DELETE FROM projection_rebuild WHERE projection = ?", projection.name());
        return next;
    }

    /** The table's indexes by their definition with the index name left out, so copies can be renamed back. */
    private Map<String, String> indexNamesByDefinition(String table) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?",
                rs -> {
                    String name = rs.getString(1);
                    names.put(rs.getString(2).replace(name, "?").replace(ProjectionTarget.REBUILD.table(table), table), name);
                }, table);
        return names;
    }
}
