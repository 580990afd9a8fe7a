package org.childprotection.registry.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;

/**
 * The event handler of a processor that follows the log in its settled order (the Merkle log): each event joins its
 * processor batch with its position in the log, and the whole batch reaches {@link #applyBatch} in one run just
 * before it commits (see {@link UnitOfWorkBatch}). A failure fails the whole batch, which the processor retries: a
 * log must stop rather than skip.
 */
public abstract class BatchedEventHandler {

    private final String name;

    protected BatchedEventHandler(String name) {
        this.name = name;
    }

    /** The processing group, which is also the processor's name. */
    public String name() {
        return name;
    }

    @EventHandler
    final void on(DomainEventMessage<?> message, TrackingToken token) {
        UnitOfWorkBatch.add(name, new Projection.Positioned(message, token.position().orElseThrow()), this::applyBatch);
    }

    /** Writes one processor batch, in log order. */
    protected abstract void applyBatch(List<Projection.Positioned> run);
}
