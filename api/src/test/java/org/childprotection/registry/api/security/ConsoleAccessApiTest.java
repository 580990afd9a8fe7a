package org.childprotection.registry.api.security;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.OPS;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;

/**
 * What the web console relies on: its static files without signing in (and nothing else), GET /api/me, and
 * a 401 without the Basic challenge for its calls, so the browser never opens its own password dialog; and what
 * it may do: only what its strict Content-Security-Policy allows.
 */
@RegistryApiTest
class ConsoleAccessApiTest {

    @Autowired
    ApiClient api;

    @Test
    void me_answers_the_signed_in_users_role_and_jurisdictions() {
        assertThat(api.get(LI, "/api/me").json().toString())
                .isEqualTo("{\"username\":\"li.caseworker\",\"role\":\"CASEWORKER\",\"jurisdictions\":[\"110101001\"]}");
        assertThat(api.get(WANG, "/api/me").json().get("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(api.get(CHEN, "/api/me").json().get("jurisdictions").toString()).isEqualTo("[\"\"]");
        assertThat(api.get(OPS, "/api/me").json().get("jurisdictions").toString()).isEqualTo("[]");
        assertProblem(api.get(null, "/api/me"), 401, "authentication");
    }

    @Test
    void the_console_calls_get_no_basic_challenge_other_clients_do() {
        ApiClient.Answer console = api.send(api.request(null, "/api/me").header("X-Requested-With", "registry-console"));
        assertProblem(console, 401, "authentication");
        assertThat(console.header("WWW-Authenticate")).isNull();

        ApiClient.Answer wrongPassword = api.send(api.request(null, "/api/me")
                .header("X-Requested-With", "registry-console")
                .header("Authorization", "Basic bGkuY2FzZXdvcmtlcjp3cm9uZw=="));   // li.caseworker:wrong
        assertProblem(wrongPassword, 401, "authentication");
        assertThat(wrongPassword.header("WWW-Authenticate")).isNull();

        assertThat(api.get(null, "/api/me").header("WWW-Authenticate"))
                .isEqualTo("Basic realm=\"child-protection-registry\"");
    }

    @Test
    void the_console_files_are_served_without_signing_in_but_no_data_is() {
        ApiClient.Answer index = api.get(null, "/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
        assertThat(index.body()).contains("/console/app.js");
        ApiClient.Answer script = api.get(null, "/console/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");

        assertThat(api.get(null, "/console/no-such-file.js").status()).isEqualTo(404);
        assertProblem(api.get(null, "/api/cases"), 401, "authentication");
        assertProblem(api.send(api.request(null, "/console/app.js")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())), 401, "authentication");
    }

    @Test
    void every_answer_carries_the_strict_content_security_policy() {
        String policy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
        List<ApiClient.Answer> answers = List.of(api.get(null, "/"), api.get(null, "/console/app.js"),
                api.get(null, "/api/me"), api.get(LI, "/api/cases"), api.get(LI, "/api/cases/no-such-case"),
                api.session().signIn(LI));
        assertThat(answers).allSatisfy(answer ->
                assertThat(answer.header("Content-Security-Policy")).as(answer.response().uri().getPath())
                        .isEqualTo(policy));
    }

    @Test
    void the_console_sends_no_credentials_of_its_own_and_no_inline_script_or_style() {
        assertThat(api.get(null, "/console/api.js").body()).doesNotContain("Authorization").doesNotContain("Basic")
                .doesNotContain("sessionStorage");
        assertThat(api.get(null, "/").body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContain("style=").doesNotContainPattern("\\son[a-z]+=");
    }
}
