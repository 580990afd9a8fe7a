package org.childprotection.registry.projection;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/**
 * A read model built from the event log: its name, the tables it owns, and how a run of events changes them. The
 * command that records events applies them to the live tables in its own transaction ({@link InlineProjections});
 * a rebuild applies the log to copies beside the live tables, and then switches (see {@link ProjectionTarget} and
 * {@link ProjectionRebuild}).
 */
public abstract class Projection {

    /** An event with its position in the log. */
    public record Positioned(DomainEventMessage<?> event, long globalIndex) {
    }

    private final String name;

    protected Projection(String name) {
        this.name = name;
    }

    /** The projection's name, as maintainers give it to {@code replay-tools rebuild}. */
    public String name() {
        return name;
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
     * run; an event the tables already hold changes nothing. A command hands over the events it recorded, a rebuild
     * thousands of events at a time.
     */
    public abstract void applyAll(List<Positioned> events, ProjectionTarget target);
}
