package org.childprotection.registry.api.security;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.SessionClient;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;

/**
 * How long a session lives and what it costs: it ends after {@code server.servlet.session.timeout} without a request
 * (two seconds here) while one in use lives on; and a user with a {@code {bcrypt}} password pays one hash for
 * signing in, not one per request as HTTP Basic does. The password encoder's checks are counted where they happen.
 * Signing in, right or wrong, is told to the application as Spring Security's authentication events.
 */
@RegistryApiTest
@Import({SessionLifetimeApiTest.CountedPasswordChecks.class, SessionLifetimeApiTest.AuthenticationEvents.class})
class SessionLifetimeApiTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    private static final String USER = "bcrypt.caseworker";
    /** A password made up for this test only; its hash is made at start, so that no hash stands in the repository. */
    private static final String PASSWORD = "test-only-" + USER;
    private static final int REQUESTS = 20;

    @Autowired
    ApiClient api;

    @DynamicPropertySource
    static void bcryptUserAndShortTimeout(DynamicPropertyRegistry properties) {
        properties.add("server.servlet.session.timeout", IDLE_TIMEOUT::toString);
        properties.add("registry.security.users[0].username", () -> USER);
        properties.add("registry.security.users[0].password",
                () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
        properties.add("registry.security.users[0].role", () -> "CASEWORKER");
        properties.add("registry.security.users[0].jurisdictions[0]", () -> "110101001");
    }

    @Test
    void a_session_ends_after_the_idle_timeout_while_one_in_use_lives_on() {
        SessionClient idle = api.session();
        SessionClient busy = api.session();
        assertThat(idle.signIn(USER, PASSWORD).status()).isEqualTo(200);
        assertThat(busy.signIn(USER, PASSWORD).status()).isEqualTo(200);
        Instant pastTimeout = Instant.now().plus(IDLE_TIMEOUT).plusSeconds(1);

        Await.until("the clock past the idle timeout, the busy session in use meanwhile", IDLE_TIMEOUT.multipliedBy(10),
                () -> {
                    assertThat(busy.get("/api/me").status()).isEqualTo(200);
                    return Instant.now().isAfter(pastTimeout);
                });

        assertProblem(idle.get("/api/me"), 401, "authentication");
        assertThat(busy.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void a_session_pays_one_password_hash_basic_pays_one_per_request() {
        SessionClient session = api.session();
        int before = CountedPasswordChecks.CHECKS.get();
        assertThat(session.signIn(USER, PASSWORD).status()).isEqualTo(200);
        long sessionNanos = timed(() -> repeat(() -> session.get("/api/me")));

        assertThat(CountedPasswordChecks.CHECKS.get() - before).as("password checks for a sign-in and %d requests",
                REQUESTS).isEqualTo(1);

        int beforeBasic = CountedPasswordChecks.CHECKS.get();
        long basicNanos = timed(() -> repeat(() -> api.send(api.request(null, "/api/me")
                .header("Authorization", ApiClient.basic(USER, PASSWORD)))));

        assertThat(CountedPasswordChecks.CHECKS.get() - beforeBasic).isEqualTo(REQUESTS);
        System.out.printf("%d requests of a {bcrypt} user: %d ms in a session, %d ms with HTTP Basic (%.1f times)%n",
                REQUESTS, sessionNanos / 1_000_000, basicNanos / 1_000_000, (double) basicNanos / sessionNanos);
    }

    @Test
    void signing_in_publishes_spring_securitys_authentication_events_for_listeners() {
        AuthenticationEvents.SEEN.clear();
        api.session().signIn(USER, "not-the-password");
        api.send(api.request(null, "/api/me").header("Authorization", ApiClient.basic(USER, "not-the-password")));
        api.session().signIn(USER, PASSWORD);

        assertThat(AuthenticationEvents.SEEN)
                .extracting(e -> e.getClass().getSimpleName() + " " + e.getAuthentication().getName())
                .containsSubsequence("AuthenticationFailureBadCredentialsEvent " + USER,
                        "AuthenticationFailureBadCredentialsEvent " + USER, "AuthenticationSuccessEvent " + USER);
    }

    private static void repeat(Supplier<ApiClient.Answer> request) {
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(request.get().status()).isEqualTo(200);
        }
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    /** Keeps the authentication events the application publishes, as a listener of them would see them. */
    @TestConfiguration
    static class AuthenticationEvents {

        static final Queue<AbstractAuthenticationEvent> SEEN = new ConcurrentLinkedQueue<>();

        @EventListener
        void on(AbstractAuthenticationEvent event) {
            SEEN.add(event);
        }
    }

    /** Counts the password checks of the application's own encoder (the one Spring Security signs in with). */
    @TestConfiguration
    static class CountedPasswordChecks {

        static final AtomicInteger CHECKS = new AtomicInteger();

        @Bean
        static BeanPostProcessor countPasswordChecks() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof PasswordEncoder encoder ? counted(encoder) : bean;
                }
            };
        }

        private static PasswordEncoder counted(PasswordEncoder encoder) {
            return new PasswordEncoder() {
                @Override
                public String encode(CharSequence raw) {
                    return encoder.encode(raw);
                }

                @Override
                public boolean matches(CharSequence raw, String encoded) {
                    CHECKS.incrementAndGet();
                    return encoder.matches(raw, encoded);
                }

                @Override
                public boolean upgradeEncoding(String encoded) {
                    return encoder.upgradeEncoding(encoded);
                }
            };
        }
    }
}
