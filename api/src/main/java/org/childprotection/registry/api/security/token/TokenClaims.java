package org.childprotection.registry.api.security.token;

import java.util.Map;

/**
 * A claim of a token by its name, or by a dotted path into nested claims when no claim has the whole name: an
 * identity provider may nest what the registry needs (Keycloak's realm roles are {@code realm_access.roles}).
 */
final class TokenClaims {

    private TokenClaims() {
    }

    static Object find(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object value = claims;
        for (String step : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> nested)) {
                return null;
            }
            value = nested.get(step);
        }
        return value;
    }
}
