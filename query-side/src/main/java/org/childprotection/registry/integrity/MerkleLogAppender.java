package org.childprotection.registry.integrity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Appends each event, in the settled order, as the next leaf of the Merkle log. Its processor has a single
 * segment, so leaves are appended one after another in the order the log is read; it is never reset.
 */
@Component
@ProcessingGroup(MerkleLogAppender.NAME)
public class MerkleLogAppender {

    public static final String NAME = "merkle-log";

    private final CanonicalEvents events;
    private final MerkleLogStore log;

    public MerkleLogAppender(CanonicalEvents events, MerkleLogStore log) {
        this.events = events;
        this.log = log;
    }

    /** The leaf is computed from the stored row, exactly as a verifier will compute it. */
    @EventHandler
    void on(DomainEventMessage<?> message, TrackingToken token) {
        long globalIndex = token.position().orElseThrow();
        CanonicalEvent event = events.at(globalIndex).orElseThrow(() ->
                new IllegalStateException("Event at global index " + globalIndex + " is not in the log"));
        log.append(globalIndex, event.leafHash());
    }
}
