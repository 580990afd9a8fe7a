package org.childprotection.registry.eventlog;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.TestKeys;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sequence that loses an event on Axon's stock engine (AXON-ON-POSTGRES.md): a transaction holding an
 * event stays open; the reader is stopped; later events commit and age past the gap timeout; the reader
 * restarts and reads them; only then does the held transaction commit.
 */
class SettledReadingTest {

    static final int GAP_TIMEOUT_MILLIS = 200;

    PGSimpleDataSource dataSource;

    @BeforeEach
    void freshLog() {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(UniqueTestDatabase.createUrl());
        dataSource.setUser(UniqueTestDatabase.user());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void axons_stock_engine_skips_the_late_event_which_is_what_this_test_detects() throws Exception {
        JdbcEventStorageEngine stock = builder().gapTimeout(GAP_TIMEOUT_MILLIS).build();

        List<String> read = lateCommitSequence(stock);

        assertThat(read).containsExactly("first", "after-1", "after-2", "last");
    }

    @Test
    void the_settled_reader_reads_the_late_event_and_every_other_one_exactly_once() throws Exception {
        EventStorageEngine settled = new SettledEventStorageEngine(builder(), NoTransactionManager.INSTANCE,
                TestKeys.seal(dataSource));

        List<String> read = lateCommitSequence(settled);

        assertThat(read).containsExactlyInAnyOrder("first", "held", "after-1", "after-2", "last");
        assertThat(read.subList(0, 2)).containsExactly("first", "held");
    }

    @Test
    void the_settled_reader_waits_for_an_open_transaction_instead_of_passing_it() throws Exception {
        EventStorageEngine settled = new SettledEventStorageEngine(builder(), NoTransactionManager.INSTANCE,
                TestKeys.seal(dataSource));
        append("first");
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            insert(held, "held");
            append("after-1");

            assertThat(settledIds(settled, null, 1)).containsExactly("first");

            held.commit();
        }
        assertThat(settledIds(settled, null, 3)).containsExactly("first", "held", "after-1");
    }

    @Test
    void an_event_of_a_rolled_back_transaction_leaves_no_trace_and_blocks_nothing() throws Exception {
        EventStorageEngine settled = new SettledEventStorageEngine(builder(), NoTransactionManager.INSTANCE,
                TestKeys.seal(dataSource));
        append("first");
        try (Connection rolledBack = dataSource.getConnection()) {
            rolledBack.setAutoCommit(false);
            insert(rolledBack, "never");
            append("after-1");
            rolledBack.rollback();
        }
        append("after-2");

        assertThat(settledIds(settled, null, 3)).containsExactly("first", "after-1", "after-2");
    }

    @Test
    void tail_head_and_time_tokens_are_positions_in_the_settled_order() throws Exception {
        EventStorageEngine settled = new SettledEventStorageEngine(builder(), NoTransactionManager.INSTANCE,
                TestKeys.seal(dataSource));
        assertThat(settled.createHeadToken()).isEqualTo(SettledPosition.TAIL);
        append("first");
        Await.aged(Duration.ofMillis(20));
        Instant between = Instant.now();
        Await.aged(Duration.ofMillis(20));
        append("second");

        assertThat(settledIds(settled, settled.createTailToken(), 2)).containsExactly("first", "second");
        assertThat(ids(settled, settled.createHeadToken())).isEmpty();
        assertThat(ids(settled, settled.createTokenAt(between))).containsExactly("second");
        assertThat(ids(settled, settled.createTokenAt(Instant.now().plusSeconds(60)))).isEmpty();
    }

    /** Runs the losing sequence and answers the ids of every event the reader ever delivered. */
    private List<String> lateCommitSequence(EventStorageEngine engine) throws Exception {
        List<String> read = new ArrayList<>();
        append("first");
        if (engine instanceof SettledEventStorageEngine) {
            settledIds(engine, null, 1);
        }
        TrackingToken position = readInto(engine, null, read);
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            insert(held, "held");
            // the reader is stopped; later events commit and grow older than the gap timeout
            append("after-1");
            append("after-2");
            Await.aged(Duration.ofMillis(GAP_TIMEOUT_MILLIS * 2L));
            // the reader restarts from its stored position and catches up
            position = readInto(engine, position, read);
            held.commit();
        }
        // an event committed after the held one: once the reader delivers it, it has had its chance at the held one
        append("last");
        TrackingToken from = position;
        Await.until("the event committed after the held one read", Duration.ofSeconds(10), () -> {
            readInto(engine, from, read);
            return read.contains("last");
        });
        return read.stream().distinct().collect(Collectors.toList());
    }

    private static TrackingToken readInto(EventStorageEngine engine, TrackingToken from, List<String> read) {
        TrackingToken position = from;
        for (TrackedEventMessage<?> event : engine.readEvents(from, false).toList()) {
            read.add(event.getIdentifier());
            position = event.trackingToken();
        }
        return position;
    }

    /**
     * The ids read once at least {@code count} events are settled (at most 10 s): settled means older than every
     * transaction still open in the whole PostgreSQL cluster, and other test runs may share the cluster.
     */
    private static List<String> settledIds(EventStorageEngine engine, TrackingToken from, int count)
            throws InterruptedException {
        AtomicReference<List<String>> ids = new AtomicReference<>();
        Await.until(count + " events settled", Duration.ofSeconds(10), () -> {
            ids.set(ids(engine, from));
            return ids.get().size() >= count;
        });
        return ids.get();
    }

    private static List<String> ids(EventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).map(TrackedEventMessage::getIdentifier).toList();
    }

    private void append(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, eventId);
        }
    }

    private static void insert(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'ChildCase', ?, 'java.lang.String', null, ?, ?)
                """)) {
            insert.setString(1, eventId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, org.axonframework.common.DateTimeUtils.formatInstant(Instant.now()));
            insert.setBytes(4, "\"payload\"".getBytes());
            insert.setBytes(5, "{}".getBytes());
            insert.executeUpdate();
        }
    }

    private JdbcEventStorageEngine.Builder builder() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
        ConnectionProvider connections = dataSource::getConnection;
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .schema(new EventLogConfiguration().eventSchema());
    }
}
