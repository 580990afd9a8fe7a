package org.childprotection.registry.api.security.token;

import org.childprotection.registry.api.security.RegistryUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A user signed in with an identity provider's token: the principal is a {@link RegistryUser}, as for a local user,
 * so the endpoints see one kind of user whatever the sign-in.
 */
public final class RegistryTokenAuthentication extends AbstractAuthenticationToken {

    private final RegistryUser user;
    private final transient Jwt token;

    RegistryTokenAuthentication(RegistryUser user, Jwt token) {
        super(user.getAuthorities());
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public RegistryUser getPrincipal() {
        return user;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }
}
