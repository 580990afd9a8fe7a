package org.childprotection.registry.api.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.SessionClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;
import static org.childprotection.registry.api.support.SessionClient.CSRF_COOKIE;
import static org.childprotection.registry.api.support.SessionClient.CSRF_HEADER;
import static org.childprotection.registry.api.support.SessionClient.SESSION;

/**
 * Sessions over real HTTP, as the web console and scripts that sign in once use them: the cookies' flags, the CSRF
 * token on every write of a session (and on signing in), signing out, and HTTP Basic beside them, stateless and
 * without a token. The idle timeout and the one password hash per session: {@code SessionLifetimeApiTest}.
 */
@RegistryApiTest
class SessionApiTest {

    private static final String SESSION_COOKIE = "JSESSIONID";

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseSteps steps;

    @Test
    void signing_in_answers_the_user_and_sets_an_http_only_same_site_strict_session_cookie() {
        SessionClient session = api.session();
        ApiClient.Answer before = session.get("/api/me");
        assertProblem(before, 401, "authentication");
        assertThat(setCookie(before, CSRF_COOKIE)).as("the token for signing in comes with the first answer")
                .contains("SameSite=Strict").doesNotContain("HttpOnly").doesNotContain("Secure");

        ApiClient.Answer signedIn = session.signIn(LI);

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().toString()).as("the user, as GET /api/me answers")
                .isEqualTo(api.get(LI, "/api/me").json().toString());
        assertThat(setCookie(signedIn, SESSION_COOKIE)).contains("HttpOnly").contains("SameSite=Strict")
                .as("Secure on TLS only, and this is plain HTTP").doesNotContain("Secure");
        assertThat(setCookie(signedIn, CSRF_COOKIE)).as("a new token for the new session").isNotNull();
        assertThat(session.get("/api/me").json().get("username").asText()).isEqualTo(LI);
        assertThat(session.get("/api/cases?villageCode=" + LI_TOWNSHIP).status()).isEqualTo(200);
    }

    @Test
    void signing_in_again_gives_a_new_session_id_so_a_planted_one_is_worth_nothing() {
        SessionClient session = api.session();
        session.signIn(LI);
        String first = session.cookie(SESSION_COOKIE);

        session.signIn(CaseSteps.WANG);

        assertThat(session.cookie(SESSION_COOKIE)).isNotNull().isNotEqualTo(first);
        assertThat(session.get("/api/me").json().get("username").asText()).isEqualTo(CaseSteps.WANG);
        assertProblem(api.send(api.request(null, "/api/me").header("Cookie", SESSION_COOKIE + "=" + first)),
                401, "authentication");
    }

    @Test
    void a_write_in_a_session_without_the_csrf_token_is_refused_and_writes_nothing() {
        SessionClient session = api.session();
        session.signIn(LI);
        long events = steps.events();
        String body = registration(freshVillage(LI_TOWNSHIP)).toString();

        assertProblem(session.send(session.request("/api/cases").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))), 403, "csrf");
        assertProblem(session.send(session.request("/api/cases").header("Content-Type", "application/json")
                .header(CSRF_HEADER, "not-the-token").POST(HttpRequest.BodyPublishers.ofString(body))), 403, "csrf");
        assertThat(steps.events()).isEqualTo(events);

        ApiClient.Answer registered = session.post("/api/cases", body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(steps.events()).isEqualTo(events + 1);
    }

    @Test
    void signing_in_needs_the_token_too_so_no_other_site_can_sign_a_browser_in() {
        SessionClient session = api.session();
        session.get("/api/me");
        ApiClient.Answer withoutToken = session.send(session.request(SESSION)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=li.caseworker&password=demo-li")));

        assertProblem(withoutToken, 403, "csrf");
        assertThat(setCookie(withoutToken, SESSION_COOKIE)).isNull();
        assertProblem(session.get("/api/me"), 401, "authentication");
    }

    @Test
    void a_wrong_password_or_an_unknown_user_at_sign_in_is_401_and_opens_no_session() {
        for (String[] credentials : List.of(new String[] {LI, "not-the-password"}, new String[] {"nobody", "x"},
                new String[] {LI, ""})) {
            SessionClient session = api.session();
            ApiClient.Answer refused = session.signIn(credentials[0], credentials[1]);

            assertProblem(refused, 401, "authentication");
            assertThat(refused.header("WWW-Authenticate")).as("no challenge: no browser dialog").isNull();
            assertThat(setCookie(refused, SESSION_COOKIE)).isNull();
            assertProblem(session.get("/api/me"), 401, "authentication");
        }
    }

    @Test
    void signing_out_ends_the_session_and_its_cookie_opens_nothing_after() {
        SessionClient session = api.session();
        session.signIn(LI);
        String cookie = session.cookie(SESSION_COOKIE);

        assertProblem(session.send(session.request(SESSION).DELETE()), 403, "csrf");
        assertThat(session.get("/api/me").status()).as("still signed in").isEqualTo(200);

        ApiClient.Answer signedOut = session.signOut();

        assertThat(signedOut.status()).as(signedOut.body()).isEqualTo(204);
        assertProblem(session.get("/api/me"), 401, "authentication");
        assertProblem(api.send(api.request(null, "/api/me").header("Cookie", SESSION_COOKIE + "=" + cookie)),
                401, "authentication");
        assertProblem(session.post("/api/cases", registration(freshVillage(LI_TOWNSHIP))), 401, "authentication");
    }

    @Test
    void http_basic_stays_for_scripts_stateless_and_without_a_csrf_token() {
        long events = steps.events();

        ApiClient.Answer registered = api.post(LI, "/api/cases", registration(freshVillage(LI_TOWNSHIP)));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(steps.events()).isEqualTo(events + 1);
        assertThat(registered.response().headers().allValues("Set-Cookie")).as("no session, no token").isEmpty();
        assertThat(api.get(LI, "/api/me").response().headers().allValues("Set-Cookie")).isEmpty();
    }

    private static ObjectNode registration(String village) {
        ObjectNode body = Registrations.valid();
        ((ObjectNode) body.get("child")).put("villageCode", village);
        return body;
    }

    /** The Set-Cookie header of the answer that sets (not clears) the named cookie, or null. */
    private static String setCookie(ApiClient.Answer answer, String name) {
        return answer.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
                .reduce((first, last) -> last).orElse(null);
    }
}
