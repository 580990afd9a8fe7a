package org.childprotection.registry.api.startup;

import java.util.List;

/**
 * A user as written in {@code registry.security.users}, with its role still text: bound before the application
 * starts, so that a wrong entry is named in a line of its own instead of failing the binding of all of them.
 */
record ConfiguredUser(String username, String password, String role, List<String> jurisdictions) {

    ConfiguredUser {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    }
}
