package org.childprotection.registry.projection;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/**
 * A read model built from the event log: its processing group, the tables it owns, and how a run of events
 * changes them. The live processor applies events to the live tables; a rebuild applies them to copies beside the
 * live ones, and then switches (see {@link ProjectionTarget} and {@link ProjectionRebuild}). A case it cannot apply
 * is parked ({@link ParkingBatch}).
 */
public abstract class Projection extends BatchedEventHandler {

    /** An event with its position in the log. */
    public record Positioned(DomainEventMessage<?> event, long globalIndex) {
    }

    protected Projection(String name, ParkingBatch parking) {
        super(name, parking);
    }

    /** The tables this projection owns, live names. */
    public abstract List<String> tables();

    /**
     * Indexes of the live tables that {@link #applyAll} reads through, so a rebuild's copies need them while they
     * fill; the copies' other indexes are built once, at the end.
     */
    public List<String> indexesWhileFilling() {
        return List.of();
    }

    /**
     * Applies a run of events, in log order, to the tables of {@code target}, with a few statements for the whole
     * run; an event the tables already hold changes nothing. The live processor hands over a processor batch (see
     * {@link UnitOfWorkBatch}), a rebuild thousands of events at a time.
     */
    public abstract void applyAll(List<Positioned> events, ProjectionTarget target);

    @Override
    protected final void applyBatch(List<Positioned> run) {
        applyAll(run, ProjectionTarget.LIVE);
    }
}
