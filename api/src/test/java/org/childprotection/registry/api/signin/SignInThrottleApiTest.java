package org.childprotection.registry.api.signin;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.FromAddress;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.PROBLEM_TYPE_PREFIX;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;

/**
 * Failed sign-ins over real HTTP: recorded for oversight, and throttled (429 with Retry-After, no password checked)
 * after 5 failures of one username, or from one address for 5 usernames, with a wait that doubles at every further
 * attempt. A context of its own (its own database, users and a clock the tests move on), so that the users it
 * throttles are nobody else's; each test signs in from loopback addresses of its own ({@link FromAddress}) and with
 * usernames of its own, so that no test sees another's failures.
 */
@RegistryApiTest
@ExtendWith(OutputCaptureExtension.class)
@Import(SignInThrottleApiTest.MovableClock.class)
@TestPropertySource(properties = {
        // the defaults, which the shared context lifts (RegistryApiTest)
        "registry.security.sign-in-throttle.max-failures=5",
        "registry.security.users[0].username=chen.oversight",
        "registry.security.users[0].password={noop}demo-chen",
        "registry.security.users[0].role=OVERSIGHT",
        "registry.security.users[0].jurisdictions[0]=110",
        "registry.security.users[1].username=li.caseworker",
        "registry.security.users[1].password={noop}demo-li",
        "registry.security.users[1].role=CASEWORKER",
        "registry.security.users[1].jurisdictions[0]=110101001",
        // TEST-ONLY passwords: test-only-throttled, test-only-streak
        "registry.security.users[2].username=" + SignInThrottleApiTest.THROTTLED,
        "registry.security.users[2].password={bcrypt}$2a$10$XDAnIk4kQvYoXd6t7hkZFuGWnFkcj8xe43ukvEBR975prMbZfENKq",
        "registry.security.users[2].role=CASEWORKER",
        "registry.security.users[2].jurisdictions[0]=110101001",
        "registry.security.users[3].username=" + SignInThrottleApiTest.STREAK,
        "registry.security.users[3].password={bcrypt}$2a$10$xZUTVHVNweI37sLCZurEWejA.r/RYv.q01TRu5rpY70ldTLzmwBvi",
        "registry.security.users[3].role=CASEWORKER",
        "registry.security.users[3].jurisdictions[0]=110101001"})
class SignInThrottleApiTest {

    static final String THROTTLED = "throttled.tester";
    static final String STREAK = "streak.tester";
    static final String EVENTS = "/api/audit/security-events";

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @Autowired
    ApiClient api;
    @Autowired
    MutableClock clock;
    @Value("${local.server.port}")
    int port;

    @Test
    void five_failures_of_a_username_refuse_it_everywhere_the_right_password_too_and_each_attempt_doubles_the_wait() {
        FromAddress first = new FromAddress(FromAddress.fresh(), port);
        FromAddress second = new FromAddress(FromAddress.fresh(), port);
        for (int i = 1; i <= 5; i++) {
            assertThat(first.basic("GET", "/api/me", THROTTLED, "wrong-" + i).status()).isEqualTo(401);
        }

        FromAddress.Answer sixth = first.basic("GET", "/api/me", THROTTLED, "wrong-6");
        assertThrottled(sixth, 120);
        assertThrottled(second.basic("GET", "/api/me", THROTTLED, "test-only-throttled"), 240);
        assertThrottled(second.basic("GET", "/api/cases", THROTTLED, "test-only-throttled"), 480);

        JsonNode events = api.get(CHEN, EVENTS + "?username=" + THROTTLED).json();
        assertThat(events.get("total").asInt()).isEqualTo(8);
        List<JsonNode> rows = items(events);
        assertThat(rows).extracting(e -> e.get("kind").asText()).containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED",
                "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_THROTTLED", "SIGN_IN_THROTTLED",
                "SIGN_IN_THROTTLED");
        assertThat(rows).extracting(e -> e.get("address").asText()).containsExactly(first.address(), first.address(),
                first.address(), first.address(), first.address(), first.address(), second.address(), second.address());
        assertThat(rows).extracting(e -> e.get("status").asInt()).containsExactly(401, 401, 401, 401, 401, 429, 429, 429);
        assertThat(rows).allSatisfy(e -> {
            assertThat(e.get("means").asText()).isEqualTo("BASIC");
            assertThat(e.get("occurredAt").asText()).isNotBlank();
            assertThat(e.get("requestId").asText()).isNotBlank();
        });
        assertThat(rows.get(7).get("path").asText()).isEqualTo("/api/cases");
        assertThat(events.toString()).as("no password is kept").doesNotContain("wrong-").doesNotContain("test-only");

        clock.set(clock.instant().plus(Duration.ofSeconds(479)));
        assertThrottled(second.basic("GET", "/api/me", THROTTLED, "test-only-throttled"), 900);
        clock.set(clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(second.basic("GET", "/api/me", THROTTLED, "test-only-throttled").status())
                .as("after the wait the password is checked again").isEqualTo(200);
        assertThat(items(api.get(CHEN, EVENTS + "?username=" + THROTTLED + "&kind=SIGN_IN_SUCCEEDED").json()))
                .as("the sign-in that ends the failures is recorded").singleElement()
                .satisfies(e -> assertThat(e.get("address").asText()).isEqualTo(second.address()));
        assertThat(first.basic("GET", "/api/me", THROTTLED, "wrong-7").status())
                .as("and the username's count starts again").isEqualTo(401);
    }

    @Test
    void failures_from_one_address_for_five_usernames_refuse_every_sign_in_from_it_however_presented() {
        FromAddress sprayer = new FromAddress(FromAddress.fresh(), port);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            names.add(unique("spray"));
            assertThat(sprayer.basic("GET", "/api/me", names.get(i), "Spring2026!").status()).isEqualTo(401);
        }

        assertThrottled(sprayer.basic("GET", "/api/me", unique("spray"), "Spring2026!"), 120);
        assertThrottled(sprayer.basic("GET", EVENTS, CHEN, "demo-chen"), 240);
        assertThrottled(sprayer.send("POST", SignInAttempt.FORM_PATH, Map.of("Content-Type",
                "application/x-www-form-urlencoded"), "username=" + URLEncoder.encode(LI, StandardCharsets.UTF_8)
                + "&password=demo-li"), 480);
        assertThrottled(sprayer.send("GET", "/api/me", Map.of("Authorization", "Bearer abc.def.ghi"), null), 900);
        assertThat(sprayer.send("GET", "/actuator/health", Map.of(), null).status())
                .as("a request without credentials is no sign-in").isEqualTo(200);
        assertThat(new FromAddress(FromAddress.fresh(), port).basic("GET", "/api/me", CHEN, "demo-chen").status())
                .as("another address is not throttled").isEqualTo(200);

        List<JsonNode> rows = items(api.get(CHEN, EVENTS + "?address=" + sprayer.address()).json());
        assertThat(rows.subList(0, 5)).extracting(e -> e.get("username").asText())
                .containsExactlyElementsOf(names);
        assertThat(rows.subList(5, 9)).extracting(e -> e.get("kind").asText()).containsOnly("SIGN_IN_THROTTLED");
        assertThat(rows.subList(5, 9)).extracting(e -> e.get("means").asText())
                .containsExactly("BASIC", "BASIC", "FORM", "BEARER");
        assertThat(rows.get(7).get("username").asText()).as("the form's username as typed").isEqualTo(LI);
        assertThat(rows.get(8).has("username")).as("a bearer token is no username, and never stored").isFalse();
        assertThat(rows).hasSize(9);
    }

    @Test
    void one_username_failing_again_and_again_does_not_refuse_the_others_at_its_address() {
        FromAddress office = new FromAddress(FromAddress.fresh(), port);
        String forgetful = unique("forgetful");
        for (int i = 0; i < 5; i++) {
            assertThat(office.basic("GET", "/api/me", forgetful, "wrong").status()).isEqualTo(401);
        }

        assertThrottled(office.basic("GET", "/api/me", forgetful, "wrong"), 120);
        assertThat(office.basic("GET", "/api/me", CHEN, "demo-chen").status())
                .as("a colleague behind the same address signs in").isEqualTo(200);
    }

    @Test
    void a_sign_in_ends_the_streak_of_its_username() {
        FromAddress desk = new FromAddress(FromAddress.fresh(), port);
        for (int i = 0; i < 4; i++) {
            assertThat(desk.basic("GET", "/api/me", STREAK, "typo").status()).isEqualTo(401);
        }
        assertThat(desk.basic("GET", "/api/me", STREAK, "test-only-streak").status()).isEqualTo(200);
        assertThat(desk.basic("GET", "/api/me", STREAK, "test-only-streak").status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(desk.basic("GET", "/api/me", STREAK, "typo").status()).as("failure %s after", i).isEqualTo(401);
        }

        assertThat(items(api.get(CHEN, EVENTS + "?username=" + STREAK).json()))
                .as("four failures, the sign-in that ended them (the next one, with no failure before, is not kept), "
                        + "four failures").extracting(e -> e.get("kind").asText())
                .containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
                        "SIGN_IN_SUCCEEDED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED");
        assertThat(desk.basic("GET", "/api/me", STREAK, "typo").status()).isEqualTo(401);
        assertThrottled(desk.basic("GET", "/api/me", STREAK, "test-only-streak"), 120);
    }

    @Test
    void failed_and_throttled_sign_ins_log_neither_the_username_typed_nor_the_password(CapturedOutput log) {
        FromAddress stranger = new FromAddress(FromAddress.fresh(), port);
        String typed = unique("typed");
        String password = unique("password");
        for (int i = 0; i < 5; i++) {
            assertThat(stranger.basic("GET", "/api/me", typed, password).status()).isEqualTo(401);
        }

        assertThrottled(stranger.basic("GET", "/api/me", typed, password), 120);
        assertThat(log.getAll()).doesNotContain(typed).doesNotContain(password);
    }

    @Test
    void the_security_events_are_for_oversight_only() {
        assertProblem(api.get(LI, EVENTS), 403, "role");
        assertProblem(api.get(null, EVENTS), 401, "authentication");
        assertThat(api.get(CHEN, EVENTS).status()).isEqualTo(200);
    }

    @Test
    void oversight_filters_the_events_by_kind_username_address_and_time_and_pages_them() {
        FromAddress from = new FromAddress(FromAddress.fresh(), port);
        String name = unique("paged");
        String before = clock.instant().minusSeconds(1).toString();
        for (int i = 0; i < 3; i++) {
            assertThat(from.basic("GET", "/api/me", name, "wrong").status()).isEqualTo(401);
        }
        String after = clock.instant().plusSeconds(1).toString();

        String query = EVENTS + "?kind=SIGN_IN_FAILED&username=" + name + "&address=" + from.address();
        JsonNode page = api.get(CHEN, query + "&from=" + before + "&to=" + after + "&page=1&size=2").json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(items(page)).singleElement().satisfies(e -> assertThat(e.get("username").asText()).isEqualTo(name));
        assertThat(api.get(CHEN, query + "&to=" + before).json().get("total").asInt()).isZero();
        assertThat(api.get(CHEN, EVENTS + "?kind=SIGN_IN_THROTTLED&username=" + name).json().get("total").asInt())
                .isZero();
        assertThat(api.get(CHEN, EVENTS + "?kind=NOT_A_KIND").status()).isEqualTo(400);
        assertThat(api.get(CHEN, EVENTS + "?size=201").status()).isEqualTo(400);
        assertThat(api.get(CHEN, EVENTS + "?from=yesterday").status()).isEqualTo(400);
    }

    private static void assertThrottled(FromAddress.Answer answer, int retryAfterSeconds) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo(Integer.toString(retryAfterSeconds));
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("type").asText()).isEqualTo(PROBLEM_TYPE_PREFIX + "sign-in-throttled");
        assertThat(problem.get("detail").asText()).contains(retryAfterSeconds + " seconds");
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
