package org.childprotection.registry.projection;

/**
 * The tables a projection writes a run of events to: its live tables, which the processor keeps up to date and the
 * API reads, or the copies ({@code <table>__rebuild}) that a rebuild fills beside them until it switches them in.
 */
public enum ProjectionTarget {

    LIVE(""),
    REBUILD("__rebuild");

    private final String suffix;

    ProjectionTarget(String suffix) {
        this.suffix = suffix;
    }

    /** The name in this target of the live table {@code table}. */
    public String table(String table) {
        return table + suffix;
    }
}
