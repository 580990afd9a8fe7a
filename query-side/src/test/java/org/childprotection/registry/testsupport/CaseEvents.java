package org.childprotection.registry.testsupport;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.childprotection.registry.childcase.CaseExamples;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes real events into the real event store, as the command side would: one case at a time, with the next
 * sequence number, the timestamp the test chooses and the actor's metadata.
 */
public class CaseEvents {

    public static final MetaData CASEWORKER = CaseExamples.caseworker();
    public static final MetaData SUPERVISOR = CaseExamples.supervisor();

    private final EventStore store;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public CaseEvents(EventStore store) {
        this.store = store;
    }

    /** Appends one event of the case and answers its event id. */
    public String append(String caseId, Instant at, Object payload) {
        return append(caseId, at, payload, CASEWORKER);
    }

    public String append(String caseId, Instant at, Object payload, MetaData metaData) {
        String eventId = UUID.randomUUID().toString();
        long sequence = nextSequence.merge(caseId, 1L, Long::sum) - 1;
        store.publish(new GenericDomainEventMessage<>("ChildCase", caseId, sequence, payload, metaData, eventId, at));
        return eventId;
    }
}
