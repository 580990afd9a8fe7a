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
 * second, the sequence ages events for 1.5 s): the held event never gets its Merkle leaf, not even once an event
 * committed after it does. This shows that the sequence really is the one that loses events, so that the settled
 * reader passing it means something.
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
        lateCommitSequence();
        // an event committed after the held one: once it has its leaf, the reader has read past the held one
        Instant t = Instant.now();
        events.append("late-marker", t, registered("late-marker", "610101001003", "li.caseworker", t));
        Await.until("the marker in the Merkle log", Duration.ofSeconds(20), () -> leaves("late-marker") == 1);

        assertThat(leaves("late-held")).as("the held event skipped by the stock reader").isEqualTo(1);
        assertThat(reconciliation.check().merkleLeavesMissing()).as("the reconciliation check sees the loss")
                .isEqualTo(1);
    }

    /** The stock reader drops the open transaction's gap as soon as it reads the aged events after it. */
    @Override
    void readersReadOn() {
        Await.until("the later events in the Merkle log", Duration.ofSeconds(20), () -> leaves("late-after-%") == 5);
    }
}
