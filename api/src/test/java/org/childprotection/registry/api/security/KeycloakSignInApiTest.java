package org.childprotection.registry.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.KeycloakServer;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;

/**
 * Sign-in with a real identity provider: a Keycloak started for this class, whose realm maps each user's registry
 * role and jurisdictions into their access tokens. A token's user reaches the endpoints exactly as a local user
 * does (same jurisdiction rules, same refusals), the local users keep signing in beside it, and a token that is
 * forged, expired, from another issuer or names no valid registry user is refused as problem+json and published
 * as a failed sign-in, named by the user it claims, never by the token itself.
 */
@RegistryApiTest
@Import(KeycloakSignInApiTest.FailedSignIns.class)
@TestPropertySource(properties = "registry.security.oidc.clock-skew=0s")
class KeycloakSignInApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "registry";
    private static final String CLIENT = "registry-cli";
    private static KeycloakServer keycloak;

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FailedSignIns failures;

    /** Started as the registry starts: its issuer is read lazily, on the first token. */
    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) {
        keycloak = KeycloakServer.start("/keycloak/registry-realm.json", "/keycloak/elsewhere-realm.json");
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> keycloak.issuer(REALM));
    }

    /** The registry is up before Keycloak; every test starts once the realm answers. */
    @BeforeEach
    void realmReady() {
        keycloak.awaitRealm(REALM);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    @TestConfiguration
    static class FailedSignIns {

        final Queue<AbstractAuthenticationFailureEvent> events = new ConcurrentLinkedQueue<>();

        @EventListener
        void failed(AbstractAuthenticationFailureEvent event) {
            events.add(event);
        }
    }

    // ---- signed in with a token ---------------------------------------------------------------------------

    @Test
    void a_tokens_user_is_the_registry_user_its_claims_name() {
        JsonNode li = ok(get(token("li.caseworker", "test-only-li"), "/api/me"));
        JsonNode chen = ok(get(token("chen.oversight", "test-only-chen"), "/api/me"));

        assertThat(li.get("username").asText()).isEqualTo("li.caseworker");
        assertThat(li.get("role").asText()).isEqualTo("CASEWORKER");
        assertThat(li.get("jurisdictions")).containsExactly(JSON.getNodeFactory().textNode("110101001"));
        assertThat(chen.get("role").asText()).isEqualTo("OVERSIGHT");
        assertThat(chen.get("jurisdictions")).containsExactly(JSON.getNodeFactory().textNode(""));
    }

    @Test
    void a_caseworker_registers_in_their_township_and_oversight_reads_who_did_it() {
        String li = token("li.caseworker", "test-only-li");

        ApiClient.Answer registered = post(li, "/api/cases", Registrations.valid());

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String caseId = registered.json().get("caseId").asText();
        JsonNode history = ok(get(token("chen.oversight", "test-only-chen"), "/api/cases/" + caseId + "/history"));
        JsonNode first = history.get("events").get(0);
        assertThat(first.get("type").asText()).isEqualTo("ChildRegistered");
        assertThat(first.get("actor").get("username").asText()).isEqualTo("li.caseworker");
        assertThat(first.get("actor").get("role").asText()).isEqualTo("CASEWORKER");
    }

    @Test
    void outside_their_township_a_tokens_caseworker_is_refused_as_a_local_one_is() {
        String li = token("li.caseworker", "test-only-li");
        ObjectNode outside = Registrations.valid();
        outside.with("child").put("villageCode", "110101002003");
        long events = events();

        assertProblem(post(li, "/api/cases", outside), 403, "jurisdiction");
        assertThat(events()).isEqualTo(events);

        String wangsCase = api.post("wang.supervisor", "/api/cases", outside).json().get("caseId").asText();
        assertProblem(get(li, "/api/cases/" + wangsCase), 404, null);
        assertProblem(get(li, "/api/cases/" + wangsCase + "/history"), 404, null);
        assertThat(api.get("wang.supervisor", "/api/cases/" + wangsCase).status()).isEqualTo(200);
    }

    @Test
    void local_users_sign_in_beside_the_identity_provider() {
        ApiClient.Answer me = api.get("li.caseworker", "/api/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("li.caseworker");
        assertProblem(api.send(api.request(null, "/api/me")
                .header("Authorization", ApiClient.basic("li.caseworker", "wrong"))), 401, null);
    }

    @Test
    void oversight_may_not_register_with_a_token_either() {
        long events = events();

        assertProblem(post(token("chen.oversight", "test-only-chen"), "/api/cases", Registrations.valid()), 403,
                "role");
        assertThat(events()).isEqualTo(events);
    }

    // ---- tokens that name no valid registry user -----------------------------------------------------------

    @Test
    void a_token_whose_role_is_no_registry_role_is_refused_and_writes_nothing() {
        String wu = token("wu.janitor", "test-only-wu");
        long events = events();

        JsonNode problem = refused(post(wu, "/api/cases", Registrations.valid()));

        assertThat(problem.get("detail").asText()).contains("registry_role").contains("JANITOR");
        assertThat(events()).isEqualTo(events);
        assertThat(failedAs("wu.janitor")).isTrue();
    }

    @Test
    void a_token_with_a_malformed_jurisdiction_is_refused() {
        JsonNode problem = refused(get(token("zhou.caseworker", "test-only-zhou"), "/api/me"));

        assertThat(problem.get("detail").asText()).contains("registry_jurisdictions").contains("11010I001")
                .contains("0 to 12 digits");
    }

    @Test
    void a_nationwide_jurisdiction_is_refused_for_anyone_but_oversight() {
        JsonNode problem = refused(get(token("sun.caseworker", "test-only-sun"), "/api/me"));

        assertThat(problem.get("detail").asText()).contains("nationwide").contains("only for OVERSIGHT");
    }

    // ---- tokens that are not the issuer's, or no longer valid ----------------------------------------------

    @Test
    void a_forged_token_is_refused_and_recorded_as_the_user_it_claims_without_the_token() throws IOException {
        String[] parts = token("li.caseworker", "test-only-li").split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("registry_role", "OVERSIGHT");
        claims.putArray("registry_jurisdictions").add("");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsBytes(claims)) + "." + parts[2];
        failures.events.clear();

        refused(get(forged, "/api/audit/events"));

        assertThat(failures.events).singleElement().satisfies(event -> {
            assertThat(event.getAuthentication().getName()).isEqualTo("li.caseworker");
            assertThat(event.getAuthentication().getCredentials()).isNull();
            assertThat(event.getException().getMessage()).doesNotContain(parts[2]);
        });
    }

    @Test
    void a_token_of_another_issuer_is_refused() {
        String elsewhere = keycloak.token("elsewhere", CLIENT, "li.caseworker", "test-only-li");
        failures.events.clear();

        refused(get(elsewhere, "/api/me"));

        assertThat(failedAs("li.caseworker")).isTrue();
    }

    @Test
    void an_expired_token_is_refused() throws IOException {
        String shortLived = keycloak.token(REALM, "registry-cli-short-lived", "li.caseworker", "test-only-li");
        Instant expiry = Instant.ofEpochSecond(JSON.readTree(
                Base64.getUrlDecoder().decode(shortLived.split("\\.")[1])).get("exp").asLong());
        Await.until("the token's expiry", Duration.ofSeconds(10), () -> Instant.now().isAfter(expiry));

        JsonNode problem = refused(get(shortLived, "/api/me"));

        assertThat(problem.get("detail").asText()).contains("expired");
    }

    @Test
    void what_is_not_a_token_at_all_is_refused() {
        refused(get("not-a-token", "/api/me"));
        assertThat(failedAs("(unreadable bearer token)")).isTrue();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private String token(String username, String password) {
        return keycloak.token(REALM, CLIENT, username, password);
    }

    private ApiClient.Answer get(String token, String path) {
        return api.send(bearer(token, path).GET());
    }

    private ApiClient.Answer post(String token, String path, Object body) {
        return api.send(bearer(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder bearer(String token, String path) {
        return api.request(null, path).header("Authorization", "Bearer " + token);
    }

    private static JsonNode ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** 401 as problem+json with the RFC 6750 challenge. */
    private static JsonNode refused(ApiClient.Answer answer) {
        JsonNode problem = assertProblem(answer, 401, "bearer-token");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        return problem;
    }

    private boolean failedAs(String name) {
        List<String> names = failures.events.stream().map(e -> e.getAuthentication().getName()).toList();
        return names.contains(name);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
