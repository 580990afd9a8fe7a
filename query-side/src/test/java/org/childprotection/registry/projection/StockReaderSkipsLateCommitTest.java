package org.childprotection.registry.projection;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.childprotection.registry.history.CaseEvent;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.testsupport.Stories.registered;

/**
 * The same sequence as {@link LateCommitProjectionTest} on Axon's stock JDBC reader (gap timeout shortened to one
 * second, the sequence ages events for 1.5 s): the held event is never projected, not even once an event committed
 * after it is. This shows that the sequence really is the one that loses events, so that the settled reader passing
 * it means something.
 */
@Import(StockReaderSkipsLateCommitTest.StockReader.class)
class StockReaderSkipsLateCommitTest extends LateCommitProjectionTest {

    @TestConfiguration
    static class StockReader {
        @Bean
        @Primary
        EventStorageEngine stockEngine(Serializer serializer, PersistenceExceptionResolver resolver,
                                       ConnectionProvider connections, TransactionManager transactions,
                                       EventSchema schema) {
            return JdbcEventStorageEngine.builder()
                    .snapshotSerializer(serializer)
                    .eventSerializer(serializer)
                    .persistenceExceptionResolver(resolver)
                    .connectionProvider(connections)
                    .transactionManager(transactions)
                    .schema(schema)
                    .gapTimeout(1000)
                    .build();
        }
    }

    @Override
    @Test
    void an_event_whose_transaction_commits_after_later_events_were_projected_is_projected_too() throws Exception {
        String heldEventId = lateCommitSequence();
        // an event committed after the held one: once both projections hold it, they have read past the held one
        Instant t = Instant.now();
        events.append("late-marker", t, registered("late-marker", "610101001003", "li.caseworker", t));
        awaitProjected("late-marker");

        assertThat(files.find("late-held").orElseThrow().version()).as("skipped by the stock reader").isZero();
        assertThat(history.ofCase("late-held")).extracting(CaseEvent::eventId).doesNotContain(heldEventId);
        assertThat(reconciliation.check().complete()).as("the reconciliation check sees the loss").isFalse();
    }

    /** The stock reader drops the open transaction's gap as soon as it reads the aged events after it. */
    @Override
    void readersReadOn() {
        for (int i = 0; i < 5; i++) {
            awaitProjected("late-after-" + i);
        }
        Await.until("the later events in the Merkle log", Duration.ofSeconds(20), () -> jdbc.queryForObject(
                "SELECT count(*) FROM merkle_leaf l JOIN domain_event_entry e ON e.global_index = l.global_index "
                        + "WHERE e.aggregate_identifier LIKE 'late-after-%'", Long.class) == 5);
    }

    private void awaitProjected(String caseId) {
        Await.until(caseId + " in the case files and the history", Duration.ofSeconds(20),
                () -> files.find(caseId).isPresent() && !history.ofCase(caseId).isEmpty());
    }
}
