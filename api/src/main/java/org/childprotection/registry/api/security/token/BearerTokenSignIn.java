package org.childprotection.registry.api.security.token;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Sign-in with a site's identity provider, beside the local users: when Spring Boot has a {@link JwtDecoder} (the
 * issuer is configured, {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), requests may carry its
 * bearer tokens, each becoming a {@link org.childprotection.registry.api.security.RegistryUser} by
 * {@link RegistryUserFromToken}. Without an issuer nothing changes. Bearer requests need no CSRF token and make no
 * session: Spring's resource server exempts and keeps them so.
 */
@Configuration(proxyBeanMethods = false)
public class BearerTokenSignIn {

    private final ObjectProvider<JwtDecoder> decoder;
    private final RegistryUserFromToken users;
    private final BearerTokenProblems problems;
    private final ApplicationEventPublisher events;
    private final OidcClaimsProperties claims;

    BearerTokenSignIn(ObjectProvider<JwtDecoder> decoder, RegistryUserFromToken users, BearerTokenProblems problems,
                      ApplicationEventPublisher events, OidcClaimsProperties claims) {
        this.decoder = decoder;
        this.users = users;
        this.problems = problems;
        this.events = events;
        this.claims = claims;
    }

    /** Spring Boot adds this to the issuer's checks; it is stricter than Spring Security's own only when shorter. */
    @Bean
    OAuth2TokenValidator<Jwt> tokenExpiry() {
        return new JwtTimestampValidator(claims.clockSkew());
    }

    /** Adds bearer tokens to the filter chain when an issuer is configured. */
    public void applyTo(HttpSecurity http) throws Exception {
        JwtDecoder tokens = decoder.getIfAvailable();
        if (tokens == null) {
            return;
        }
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(tokens);
        provider.setJwtAuthenticationConverter(users);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new TokenFailureEvents(events, claims.usernameClaim()));
        http.oauth2ResourceServer(server -> server
                .authenticationEntryPoint(problems)
                .jwt(jwt -> jwt.authenticationManager(manager)));
    }
}
