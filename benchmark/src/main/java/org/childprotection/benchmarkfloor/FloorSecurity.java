package org.childprotection.benchmarkfloor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic on every request, stateless, against one {@code {noop}} user. A plain UserDetailsService, as the API
 * has: Spring's InMemoryUserDetailsManager would upgrade the {@code {noop}} password to bcrypt at its first use and
 * then hash on every request, which would make the floor measure bcrypt.
 */
@Configuration(proxyBeanMethods = false)
class FloorSecurity {

    @Bean
    SecurityFilterChain floor(HttpSecurity http) throws Exception {
        return http
                // no session, no cookie: nothing a forged request could ride on
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, FloorEndpoint.READY).permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(@Value("${floor.username}") String username, @Value("${floor.password}") String password) {
        UserDetails user = User.withUsername(username).password("{noop}" + password).roles("CASEWORKER").build();
        return name -> {
            if (!name.equals(username)) {
                throw new UsernameNotFoundException("unknown user");
            }
            // a copy: the authentication erases the password of the object it was given
            return User.withUserDetails(user).build();
        };
    }
}
