package org.childprotection.registry.privacy;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.erasure.ErasureApproved;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An approved erasure takes effect in the transaction that records it (docs/erasure.md): the event store hands its
 * subscribers the events just appended, sealed with the case's key, on the same connection; here the key is
 * destroyed and every other copy of the case's data is purged. The projections erase their rows from the same
 * event ({@code CaseFile}); from the next read on, the log's sealed fields read as null.
 */
@Component
public class ErasureOnApproval {

    private final CaseKeys keys;
    private final List<ErasurePurge> purges;

    public ErasureOnApproval(CaseKeys keys, List<ErasurePurge> purges, EventStore eventStore) {
        this.keys = keys;
        this.purges = List.copyOf(purges);
        subscribeTo(eventStore);
    }

    private Registration subscribeTo(EventStore eventStore) {
        return eventStore.subscribe(this::apply);
    }

    void apply(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event.getPayload() instanceof ErasureApproved approved) {
                keys.destroy(approved.caseId());
                purges.forEach(purge -> purge.purge(approved.caseId()));
            }
        }
    }
}
