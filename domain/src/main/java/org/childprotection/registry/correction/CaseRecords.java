package org.childprotection.registry.correction;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.childprotection.registry.kernel.CaseMetadata;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every event recorded on the case, by id: its type and who recorded it. A correction must name one of
 * them, and a caseworker may correct only their own.
 */
class CaseRecords {

    record Recorded(String type, String author) {
    }

    private final Map<String, Recorded> byEventId = new HashMap<>();

    @EventSourcingHandler
    void on(Object event, @MessageIdentifier String eventId, @MetaDataValue(CaseMetadata.ACTOR) String author) {
        byEventId.put(eventId, new Recorded(event.getClass().getSimpleName(), author));
    }

    Optional<Recorded> find(String eventId) {
        return Optional.ofNullable(byEventId.get(eventId));
    }
}
