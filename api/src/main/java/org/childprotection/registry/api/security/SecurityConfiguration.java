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

/** HTTP Basic against the configured users; roles per endpoint as in SPEC §4. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String CASEWORKER = "CASEWORKER";
    private static final String SUPERVISOR = "SUPERVISOR";
    private static final String OVERSIGHT = "OVERSIGHT";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/cases").hasAnyRole(CASEWORKER, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/cases/*", "/api/cases/*/history")
                        .hasAnyRole(CASEWORKER, SUPERVISOR, OVERSIGHT)
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
