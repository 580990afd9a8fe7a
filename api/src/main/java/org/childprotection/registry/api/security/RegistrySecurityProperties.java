package org.childprotection.registry.api.security;

import org.childprotection.registry.kernel.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Users of the registry, from configuration ({@code registry.security.users[i].*}). Passwords are in Spring's
 * prefixed form ({@code {bcrypt}...} or {@code {noop}...}); jurisdictions are village-code prefixes, and an
 * empty list gives no access at all ({@code ""} is the explicit nationwide scope). {@code behindTlsProxy}: the API
 * serves plain HTTP to a proxy that terminates TLS (outside the demo plain HTTP is refused otherwise).
 */
@ConfigurationProperties("registry.security")
public record RegistrySecurityProperties(List<User> users, boolean behindTlsProxy) {

    public RegistrySecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String username, String password, Role role, List<String> jurisdictions) {

        public User {
            jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        }
    }
}
