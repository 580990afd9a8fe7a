package org.childprotection.registry.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * HTTP Basic against the configured users; the roles of each endpoint as in docs/api.md. Jurisdiction (which
 * cases) is checked by the endpoints themselves; everything not listed here is refused.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String CW = "CASEWORKER";
    private static final String SUP = "SUPERVISOR";
    private static final String OV = "OVERSIGHT";
    private static final String MT = "MAINTAINER";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // the web console's static files only; its data comes from the API below, signed in
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/console/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                        .requestMatchers("/actuator/prometheus", "/api/processors").hasRole(MT)
                        .requestMatchers(HttpMethod.POST, "/api/processors/*/dead-letters/retry").hasRole(MT)
                        .requestMatchers(HttpMethod.POST,
                                "/api/cases/*/assignment", "/api/cases/*/interventions",
                                "/api/cases/*/interventions/*/decision", "/api/cases/*/closure/decision",
                                "/api/cases/*/reopening", "/api/cases/*/transfer", "/api/cases/*/transfer/decision")
                        .hasRole(SUP)
                        .requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/*/**").hasAnyRole(CW, SUP)
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/proof").hasRole(OV)
                        .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/*", "/api/cases/*/history")
                        .hasAnyRole(CW, SUP, OV)
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasRole(OV)
                        .requestMatchers(HttpMethod.GET, "/api/statistics").hasAnyRole(SUP, OV)
                        .requestMatchers(HttpMethod.GET, "/api/transfers").hasRole(SUP)
                        .requestMatchers(HttpMethod.GET, "/api/integrity", "/api/integrity/**").hasAnyRole(OV, MT)
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(RegistrySecurityProperties properties) {
        Map<String, RegistryUser> byName = properties.users().stream()
                .map(u -> new RegistryUser(u.username(), u.password(), u.role(), u.jurisdictions()))
                .collect(Collectors.toUnmodifiableMap(RegistryUser::username, Function.identity()));
        return username -> {
            RegistryUser user = byName.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return user;
        };
    }
}
