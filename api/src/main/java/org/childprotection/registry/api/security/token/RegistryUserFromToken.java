package org.childprotection.registry.api.security.token;

import org.childprotection.registry.api.security.JurisdictionPrefixes;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.kernel.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The registry user of a verified token, from the claims the site configured: its username, exactly one registry
 * role and its jurisdictions (absent: none). A token that does not say all of this validly is refused as an invalid
 * token, naming what is wrong: a valid signature does not make an unknown role or a malformed jurisdiction usable.
 */
@Component
class RegistryUserFromToken implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OidcClaimsProperties claims;

    RegistryUserFromToken(OidcClaimsProperties claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String username = username(token);
        Role role = role(token);
        List<?> jurisdictions = jurisdictions(token);
        Optional<String> problem = JurisdictionPrefixes.problem(role, jurisdictions);
        if (problem.isPresent()) {
            throw refused("its " + claims.jurisdictionsClaim() + " claim is not valid: " + problem.get());
        }
        List<String> prefixes = jurisdictions.stream().map(String.class::cast).toList();
        return new RegistryTokenAuthentication(new RegistryUser(username, null, role, prefixes), token);
    }

    private String username(Jwt token) {
        Object username = TokenClaims.find(token.getClaims(), claims.usernameClaim());
        if (!(username instanceof String name) || name.isBlank()) {
            throw refused("it has no " + claims.usernameClaim() + " claim naming the user");
        }
        return name;
    }

    /** The one registry role the claim names; a list (as Keycloak's realm roles) may carry other roles beside it. */
    private Role role(Jwt token) {
        Object claim = TokenClaims.find(token.getClaims(), claims.roleClaim());
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> values.contains(r.name())).toList();
        if (roles.size() != 1) {
            throw refused("its " + claims.roleClaim() + " claim must name exactly one registry role "
                    + Arrays.toString(Role.values()) + ", and it " + (claim == null ? "is missing"
                    : roles.isEmpty() ? "names none (" + claim + ")" : "names " + roles.size()));
        }
        return roles.get(0);
    }

    private List<?> jurisdictions(Jwt token) {
        Object claim = TokenClaims.find(token.getClaims(), claims.jurisdictionsClaim());
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> list) {
            return new ArrayList<>(list);
        }
        return List.of(claim);
    }

    private static InvalidBearerTokenException refused(String why) {
        return new InvalidBearerTokenException(headerSafe("The token does not name a registry user: " + why + "."));
    }

    /** The description travels in the WWW-Authenticate header too, where quotes and non-ASCII are not allowed. */
    private static String headerSafe(String text) {
        return text.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "?");
    }
}
