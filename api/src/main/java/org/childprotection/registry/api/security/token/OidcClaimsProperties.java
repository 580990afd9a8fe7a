package org.childprotection.registry.api.security.token;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where a site's identity provider puts the registry's user in its access tokens
 * ({@code registry.security.oidc.*}): each claim is named by its name, or by a dotted path into nested claims
 * ({@code realm_access.roles}). The issuer itself is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 *
 * @param clockSkew how far past its expiry a token is still taken, for clocks that differ; Spring Security's
 *                  own check allows 60 s, so only a shorter tolerance changes anything
 */
@ConfigurationProperties("registry.security.oidc")
public record OidcClaimsProperties(String usernameClaim, String roleClaim, String jurisdictionsClaim,
                                   Duration clockSkew) {

    public OidcClaimsProperties {
        usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
        roleClaim = roleClaim == null ? "registry_role" : roleClaim;
        jurisdictionsClaim = jurisdictionsClaim == null ? "registry_jurisdictions" : jurisdictionsClaim;
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
    }
}
