package org.childprotection.registry.projection;

/**
 * A projection could not apply an event that a command recorded, so the command is refused and nothing of it is
 * recorded. The message names the projection only: the cause's message may quote the event's personal data.
 */
public class ProjectionRefused extends RuntimeException {

    private final String projection;

    public ProjectionRefused(String projection, Throwable cause) {
        super("Projection " + projection + " could not apply the command's events", cause);
        this.projection = projection;
    }

    public String projection() {
        return projection;
    }
}
