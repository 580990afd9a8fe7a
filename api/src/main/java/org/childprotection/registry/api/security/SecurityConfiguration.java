package org.childprotection.registry.api.security;

import org.childprotection.registry.api.problem.Problems;
import org.childprotection.registry.api.security.token.BearerTokenSignIn;
import org.childprotection.registry.api.signin.SignInAttempt;
import org.childprotection.registry.api.signin.SignInThrottle;
import org.childprotection.registry.api.signin.SignInThrottleFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Three ways to sign in: a session against the configured users (the web console, and scripts that keep its
 * cookie), opened by {@code POST /api/session} and closed by {@code DELETE /api/session}, its writes guarded by a CSRF
 * token; HTTP Basic on each request, stateless, for scripts; and bearer tokens of an identity provider when one is
 * configured ({@link BearerTokenSignIn}). The roles of each endpoint are as in docs/api.md. Jurisdiction (which
 * cases) is checked by the endpoints themselves; everything not listed here is refused. Before any credentials
 * are checked, the sign-in throttle may refuse them (429): its filter stands before every authentication filter
 * (and before the CSRF check of a sign-in form, so that a throttled form is answered 429 whatever it carries).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Where a session is opened (POST) and closed (DELETE); the sign-in throttle watches the same path. */
    public static final String SESSION = SignInAttempt.FORM_PATH;
    /**
     * The console's whole policy: its scripts, styles and data come from the registry itself, nothing inline;
     * images may also be data: URIs (the console's empty favicon, Swagger UI's icons).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String CW = "CASEWORKER";
    private static final String SUP = "SUPERVISOR";
    private static final String OV = "OVERSIGHT";
    private static final String MT = "MAINTAINER";
    private static final String WT = "WITNESS";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems, SessionAnswers sessions,
                            BearerTokenSignIn bearer, SignInThrottle throttle, Problems problemWriter) throws Exception {
        bearer.applyTo(http);
        return http
                .addFilterBefore(new SignInThrottleFilter(throttle, problemWriter), CsrfFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(SessionCsrf.tokenRepository())
                        .csrfTokenRequestHandler(SessionCsrf.requestHandler())
                        .requireCsrfProtectionMatcher(SessionCsrf.required(SESSION)))
                .addFilterAfter(new SessionCsrf.CookieIssuer(), CsrfFilter.class)
                // a session is made by signing in only: no request is kept for after a sign-in
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .formLogin(form -> form.loginPage("/").loginProcessingUrl(SESSION)
                        .successHandler(sessions).failureHandler(problems))
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, SESSION))
                        .logoutSuccessHandler(sessions))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // the web console's static files only; its data comes from the API below, signed in
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/console/**", "/favicon.ico").permitAll()
                        // answered by the sign-in and sign-out filters above, before these rules
                        .requestMatchers(HttpMethod.POST, SESSION).permitAll()
                        .requestMatchers(HttpMethod.DELETE, SESSION).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                        .requestMatchers("/actuator/prometheus", "/api/processors").hasRole(MT)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/erasure/decision").hasAnyRole(SUP, OV)
                        .requestMatchers(HttpMethod.POST,
                                "/api/cases/*/erasure", "/api/cases/*/assignment", "/api/cases/*/interventions",
                                "/api/cases/*/interventions/*/decision", "/api/cases/*/closure/decision",
                                "/api/cases/*/reopening", "/api/cases/*/transfer", "/api/cases/*/transfer/decision")
                        .hasRole(SUP)
                        .requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/*/**").hasAnyRole(CW, SUP)
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/proof").hasRole(OV)
                        .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/*", "/api/cases/*/history")
                        .hasAnyRole(CW, SUP, OV)
                        .requestMatchers(HttpMethod.GET, "/api/audit/security-events").hasRole(OV)
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasRole(OV)
                        .requestMatchers(HttpMethod.GET, "/api/statistics").hasAnyRole(SUP, OV)
                        .requestMatchers(HttpMethod.GET, "/api/privacy/due").hasAnyRole(SUP, OV)
                        .requestMatchers(HttpMethod.GET, "/api/transfers").hasRole(SUP)
                        // a witness: the head and consistency proofs, nothing of any case
                        .requestMatchers(HttpMethod.GET, "/api/integrity", "/api/integrity/consistency")
                        .hasAnyRole(OV, MT, WT)
                        .requestMatchers(HttpMethod.GET, "/api/integrity/**").hasAnyRole(OV, MT)
                        // the cosignature's own signature proves a configured witness; the controller decides
                        .requestMatchers(HttpMethod.POST, "/api/integrity/cosignatures").permitAll()
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
