package org.childprotection.registry.integrity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.childprotection.registry.projection.Projection;
import org.childprotection.registry.projection.UnitOfWorkBatch;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Collected per processor batch; the leaves are appended in the order read when the batch commits. */
    @EventHandler
    void on(DomainEventMessage<?> message, TrackingToken token) {
        UnitOfWorkBatch.add(NAME, new Projection.Positioned(message, token.position().orElseThrow()), this::appendAll);
    }

    /** Each leaf is computed from the stored row, exactly as a verifier will compute it. */
    void appendAll(List<Projection.Positioned> run) {
        Map<Long, CanonicalEvent> stored = new HashMap<>();
        events.at(run.stream().map(Projection.Positioned::globalIndex).toList())
                .forEach(e -> stored.put(e.globalIndex(), e));
        log.appendAll(run.stream().map(positioned -> {
            CanonicalEvent event = stored.get(positioned.globalIndex());
            if (event == null) {
                throw new IllegalStateException("Event at global index " + positioned.globalIndex() + " is not in the log");
            }
            return new MerkleLogStore.NewLeaf(positioned.globalIndex(), event.leafHash());
        }).toList());
    }
}
