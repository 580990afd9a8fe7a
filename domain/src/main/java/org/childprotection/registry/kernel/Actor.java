package org.childprotection.registry.kernel;

/**
 * The authenticated user behind a command. It reaches the aggregate through message metadata only,
 * never through a command's payload, so a request body cannot name somebody else.
 */
public record Actor(String username, Role role) {

    public static Actor of(String username, String role) {
        if (username == null || username.isBlank() || role == null) {
            throw new ActorNotPermitted("authenticated-actor",
                    "The command carries no authenticated user; it cannot be recorded anonymously.");
        }
        try {
            return new Actor(username, Role.valueOf(role));
        } catch (IllegalArgumentException e) {
            throw new ActorNotPermitted("authenticated-actor", "Unknown role " + role + ".");
        }
    }

    public boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }

    public boolean mayWriteCases() {
        return role == Role.CASEWORKER || role == Role.SUPERVISOR;
    }
}
