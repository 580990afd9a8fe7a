package org.childprotection.registry.kernel;

import java.util.Collection;
import java.util.List;

/**
 * The authenticated user behind a command, with the village-code prefixes they may act in. It reaches the aggregate
 * through message metadata only, never through a command's payload, so a request body cannot name somebody else
 * or widen their reach. No jurisdictions (absent, or an empty list) means no case at all.
 */
public record Actor(String username, Role role, List<String> jurisdictions) {

    public Actor {
        jurisdictions = List.copyOf(jurisdictions);
    }

    /** From the metadata's values: {@code jurisdictions} is the list the API put there, or absent. */
    public static Actor of(String username, String role, Object jurisdictions) {
        if (username == null || username.isBlank() || role == null) {
            throw new ActorNotPermitted("authenticated-actor",
                    "The command carries no authenticated user; it cannot be recorded anonymously.");
        }
        Role known;
        try {
            known = Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new ActorNotPermitted("authenticated-actor", "Unknown role " + role + ".");
        }
        List<String> prefixes = jurisdictions instanceof Collection<?> values
                ? values.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
        return new Actor(username, known, prefixes);
    }

    /** Whether the village code lies in one of the actor's jurisdictions (none: no access). */
    public boolean covers(String villageCode) {
        return villageCode != null && jurisdictions.stream().anyMatch(villageCode::startsWith);
    }

    public boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }

    public boolean mayWriteCases() {
        return role == Role.CASEWORKER || role == Role.SUPERVISOR;
    }
}
