package org.childprotection.registry.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;
import java.util.function.Consumer;

/**
 * The one {@code @EventHandler} of every processor on the query side: each event joins its processor batch with its
 * position in the log, and the whole batch reaches {@link #applyBatch} in one run just before it commits (see
 * {@link UnitOfWorkBatch}). A subclass says only what it does with a run, and, by its constructor, whether a case it
 * cannot apply is parked or fails the batch.
 */
public abstract class BatchedEventHandler {

    private interface Batching {
        void add(String name, Projection.Positioned event, Consumer<List<Projection.Positioned>> applyAll);
    }

    private final String name;
    private final Batching batching;

    /** A case whose events cannot be applied is parked in this handler's dead-letter queue ({@link ParkingBatch}). */
    protected BatchedEventHandler(String name, ParkingBatch parking) {
        this(name, parking::add);
    }

    /** A failure fails the whole batch, which the processor retries: for a log that must stop rather than skip. */
    protected BatchedEventHandler(String name) {
        this(name, UnitOfWorkBatch::add);
    }

    private BatchedEventHandler(String name, Batching batching) {
        this.name = name;
        this.batching = batching;
    }

    /** The processing group, which is also the processor's name. */
    public String name() {
        return name;
    }

    @EventHandler
    final void on(DomainEventMessage<?> message, TrackingToken token) {
        batching.add(name, new Projection.Positioned(message, token.position().orElseThrow()), this::applyBatch);
    }

    /** Writes one processor batch, in log order, to the live tables. */
    protected abstract void applyBatch(List<Projection.Positioned> run);
}
