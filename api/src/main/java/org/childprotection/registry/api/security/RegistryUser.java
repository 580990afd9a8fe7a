package org.childprotection.registry.api.security;

import org.childprotection.registry.kernel.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** An authenticated user with their role and the village-code prefixes they may act in. */
public record RegistryUser(String username, String password, Role role, List<String> jurisdictions)
        implements UserDetails {

    /** Whether the case's village code lies in one of the user's jurisdictions (none: no access). */
    public boolean covers(String villageCode) {
        return villageCode != null && jurisdictions.stream().anyMatch(villageCode::startsWith);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "RegistryUser[" + username + ", " + role + "]";
    }
}
