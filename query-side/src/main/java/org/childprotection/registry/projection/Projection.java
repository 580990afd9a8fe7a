package org.childprotection.registry.projection;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/**
 * A read model built from the event log: its processing group, the tables it owns, and how one event changes
 * them. The live processor applies events to the tables as named; a rebuild applies them to copies named with
 * a suffix, beside the live ones, and then switches (see replay-tools).
 */
public interface Projection {

    String REBUILD_SUFFIX = "__rebuild";

    /** The processing group, which is also the processor's name. */
    String name();

    /** The tables this projection owns, live names. */
    List<String> tables();

    /**
     * Applies one event to the tables named {@code table + tableSuffix}; an event already applied changes nothing.
     *
     * @param globalIndex the event's position in the log
     */
    void apply(DomainEventMessage<?> event, long globalIndex, String tableSuffix);

    /** An event with its position in the log. */
    record Positioned(DomainEventMessage<?> event, long globalIndex) {
    }

    /**
     * Applies a run of events in log order, as {@link #apply} would one by one; projections override it to write
     * the run with a few statements instead of several per event (rebuilds apply thousands at a time).
     */
    default void applyAll(List<Positioned> events, String tableSuffix) {
        events.forEach(e -> apply(e.event(), e.globalIndex(), tableSuffix));
    }
}
