package org.childprotection.registry.projection;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One dead-letter queue per projection, in the table {@code dead_letter_entry} (V8), written with the event
 * store's serializer. A projection that cannot apply an event of a case parks it there, and every later event of
 * that case with it (the case is the sequence), while the other cases keep flowing.
 */
@Component
public class DeadLetterQueues {

    public static final String TABLE = "dead_letter_entry";

    private static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable(TABLE)
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final Serializer serializer;
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentHashMap<>();

    public DeadLetterQueues(ConnectionProvider connections, TransactionManager transactions, Serializer serializer) {
        this.connections = connections;
        this.transactions = transactions;
        this.serializer = serializer;
    }

    /** The queue of the projection (processing group) {@code name}. */
    public SequencedDeadLetterQueue<EventMessage<?>> of(String name) {
        return queues.computeIfAbsent(name, group -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(SCHEMA)
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                .build());
    }
}
