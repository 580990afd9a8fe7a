package org.childprotection.registry.projection;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.childprotection.registry.history.CaseEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same sequence as {@link LateCommitProjectionTest} on Axon's stock JDBC reader (gap timeout shortened to one
 * second, the sequence ages events for 1.5 s): the held event is never projected. This shows that the sequence
 * really is the one that loses events, so that the settled reader passing it means something.
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
        Thread.sleep(3000);

        assertThat(files.find("late-held").orElseThrow().version()).as("skipped by the stock reader").isZero();
        assertThat(history.ofCase("late-held")).extracting(CaseEvent::eventId).doesNotContain(heldEventId);
        assertThat(reconciliation.check().complete()).as("the reconciliation check sees the loss").isFalse();
    }
}
