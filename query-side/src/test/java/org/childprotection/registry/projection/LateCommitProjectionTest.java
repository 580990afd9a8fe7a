package org.childprotection.registry.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.casefile.CaseFileRepository;
import org.childprotection.registry.history.CaseHistoryRepository;
import org.childprotection.registry.history.CaseEvent;
import org.awaitility.Awaitility;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.VisitorRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.testsupport.Stories.registered;

/**
 * No event skipped, with the real processor of the log (the Merkle log; projections are written in the event's own
 * transaction) and a rebuild: an event-writing transaction stays open while the processor is stopped, later events
 * commit and grow old, the processor restarts and reads on, and only then does the held transaction commit. The
 * Merkle log must have a leaf for the held event, and a rebuild must hold it too.
 */
@QuerySideTest
class LateCommitProjectionTest {

    /** Long enough for Axon's stock reader, configured as in {@link StockReaderSkipsLateCommitTest}, to give up. */
    static final long AGE_MILLIS = 1500;

    /**
     * Every processor of the log is stopped and restarted: one left running would keep the held transaction's gap
     * open in the event store's shared stream, and its late delivery would reach the restarted ones too.
     */
    static final List<String> PROCESSORS = List.of("merkle-log");

    @Autowired
    CaseEvents events;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    CaseFileRepository files;
    @Autowired
    CaseHistoryRepository history;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    List<Projection> projections;

    @Test
    void an_event_whose_transaction_commits_after_later_events_were_projected_is_projected_too() throws Exception {
        String heldEventId = lateCommitSequence();
        ProjectionsAwait.caughtUp(reconciliation);
        projections.forEach(projection -> rebuild.run(projection, 3, (applied, total) -> { }));

        assertThat(files.find("late-held").orElseThrow().version()).as("rebuilt").isEqualTo(1);
        assertThat(files.find("late-held").orElseThrow().lastVisitAt()).isEqualTo(VISIT_DATE);
        assertThat(history.ofCase("late-held")).extracting(CaseEvent::eventId).contains(heldEventId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM merkle_leaf l JOIN domain_event_entry e "
                + "ON e.global_index = l.global_index WHERE e.event_identifier = ?", Long.class, heldEventId))
                .as("the Merkle log has a leaf for the held event too").isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            assertThat(files.find("late-after-" + i)).isPresent();
        }
    }

    static final LocalDate VISIT_DATE = LocalDate.of(2026, 3, 1);

    /** Runs the sequence up to the late commit and answers the held event's id. */
    String lateCommitSequence() throws Exception {
        Instant t = Instant.now();
        events.append("late-held", t, registered("late-held", "610101001001", "li.caseworker", t));
        ProjectionsAwait.caughtUp(reconciliation);

        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String heldEventId = UUID.randomUUID().toString();
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            eventStore.publish(new GenericDomainEventMessage<>("ChildCase", "late-held", 1,
                    new HomeVisitRecorded("late-held", VISIT_DATE, VisitorRole.CASEWORKER, true, "晚提交的走访",
                            List.of()), CaseEvents.CASEWORKER, heldEventId, Instant.now()));
            inserted.countDown();
            await(release);
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(files.find("late-held").orElseThrow().version())
                .as("the held event is not visible in the projections before it commits").isZero();

        PROCESSORS.forEach(name -> processor(name).shutDown());
        for (int i = 0; i < 5; i++) {
            String caseId = "late-after-" + i;
            events.append(caseId, Instant.now(), registered(caseId, "610101001002", "li.caseworker", Instant.now()));
        }
        Await.aged(Duration.ofMillis(AGE_MILLIS));
        PROCESSORS.forEach(name -> processor(name).start());
        readersReadOn();
        assertThat(leaves("late-held")).as("the held event has no leaf yet").isEqualTo(1);

        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        return heldEventId;
    }

    /**
     * The restarted processor's chance to read on past the open transaction. The settled reader must not: the later
     * events stay without leaves all that time (Awaitility's {@code during});
     * {@link StockReaderSkipsLateCommitTest} waits until the stock reader has read on.
     */
    void readersReadOn() {
        Awaitility.await("the later events without leaves while the reader runs").during(Duration.ofMillis(AGE_MILLIS))
                .atMost(Duration.ofMillis(AGE_MILLIS * 4))
                .until(() -> leaves("late-after-%") == 0);
    }

    /** Merkle leaves of the events of the cases whose id is like {@code caseIds}. */
    long leaves(String caseIds) {
        return jdbc.queryForObject("SELECT count(*) FROM merkle_leaf l JOIN domain_event_entry e "
                + "ON e.global_index = l.global_index WHERE e.aggregate_identifier LIKE ?", Long.class, caseIds);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
