package org.childprotection.registry.integrity;

import org.axonframework.config.ProcessingGroup;
import org.childprotection.registry.projection.BatchedEventHandler;
import org.childprotection.registry.projection.Projection;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends each event, in the settled order, as the next leaf of the Merkle log. Its processor has a single
 * segment, so leaves are appended one after another in the order the log is read; it is never reset. An event it
 * cannot append fails the batch: it stops rather than leave a gap.
 */
@Component
@ProcessingGroup(MerkleLogAppender.NAME)
public class MerkleLogAppender extends BatchedEventHandler {

    public static final String NAME = "merkle-log";

    private final CanonicalEvents events;
    private final MerkleLogStore log;

    public MerkleLogAppender(CanonicalEvents events, MerkleLogStore log) {
        super(NAME);
        this.events = events;
        this.log = log;
    }

    /** Appends the batch's leaves in the order read; each is computed from the stored row, as a verifier does. */
    @Override
    protected void applyBatch(List<Projection.Positioned> run) {
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
