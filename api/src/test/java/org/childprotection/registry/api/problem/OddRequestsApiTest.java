package org.childprotection.registry.api.problem;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.WANG;

/**
 * Requests the API fuzzer ({@code fuzz/ApiFuzzTest}) found answered with a 5xx or without problem+json, kept as
 * regular regression tests: each is refused with a problem and writes nothing.
 */
@RegistryApiTest
@Import(CaseSteps.class)
class OddRequestsApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    CaseSteps steps;

    /** Rejected by the security firewall or by Tomcat before any controller: was an HTML page or Boot's map. */
    @ParameterizedTest
    @ValueSource(strings = {"//api", "/..", "/api/cases/../assessments", "/api/cases/%00/assessments",
            "/api/cases/x;y=1", "/api/cases/%2F", "/api/cases/%2e%2e/history"})
    void a_path_the_server_refuses_is_a_problem(String path) {
        long events = steps.events();
        ApiClient.Answer answer = api.send(api.request(WANG, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Registrations.valid().toString())));
        CaseSteps.assertProblem(answer, 400, "bad-request");
        assertThat(steps.events()).isEqualTo(events);
    }

    /** A multipart Content-Type on a read was a 500 (the body was parsed though nobody reads it). */
    @ParameterizedTest
    @ValueSource(strings = {"/api/cases", "/actuator/health", "/v3/api-docs"})
    void a_multipart_content_type_on_a_read_is_ignored(String path) {
        ApiClient.Answer answer = api.send(api.request(WANG, path).header("Content-Type", "multipart/form-data").GET());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** A wildcard Content-Type was a 500 wherever a body may be read (here the health endpoint). */
    @ParameterizedTest
    @CsvSource({"/actuator/health, application/*", "/actuator/health, */*", "/api/cases, garbage"})
    void a_content_type_that_is_no_media_type_is_415(String path, String contentType) {
        ApiClient.Answer answer = api.send(api.request(WANG, path).header("Content-Type", contentType).GET());
        CaseSteps.assertProblem(answer, 415, "unsupported-media-type");
    }

    /** On a command the body must be JSON: 415, nothing written. */
    @ParameterizedTest
    @ValueSource(strings = {"application/*", "*/*", "multipart/form-data", "multipart/form-data; boundary=x"})
    void an_odd_content_type_on_a_command_is_refused(String contentType) {
        long events = steps.events();
        ApiClient.Answer answer = api.send(api.request(LI, "/api/cases").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(Registrations.valid().toString())));
        assertThat(answer.status()).as(answer.body()).isBetween(400, 415);
        CaseSteps.assertProblem(answer, answer.status(), null);
        assertThat(steps.events()).isEqualTo(events);
    }

    /** An Accept header that is no list of media types was a 406 with an empty body; an empty one a 500. */
    @ParameterizedTest
    @CsvSource({"wang.supervisor, /api/cases, garbage", "wang.supervisor, /api/cases, application/json;q=",
            "wang.supervisor, /api/cases, text/", "ops.maintainer, /actuator/prometheus, ''",
            "ops.maintainer, /actuator/prometheus, ' '"})
    void an_unreadable_accept_header_is_a_problem(String user, String path, String accept) {
        ApiClient.Answer answer = api.send(api.request(user, path).header("Accept", accept).GET());
        CaseSteps.assertInvalid(answer, "invalid-header", "Accept");
    }

    /** A body naming a field twice was a 500 (a record cannot be built from it). */
    @org.junit.jupiter.api.Test
    void a_field_named_twice_is_a_malformed_body() {
        CaseSteps.Case c = steps.emergency(LI, CaseSteps.freshVillage(CaseSteps.LI_TOWNSHIP));
        long events = steps.events();
        String body = CaseSteps.emergency().toString().replaceFirst("\\{", "{\"reason\": \"a\", ");
        CaseSteps.assertProblem(steps.command(WANG, c, "emergency", body), 400, "malformed-body");
        assertThat(steps.events()).isEqualTo(events);
    }

    /** Asked for directly, the error page was a 500. */
    @org.junit.jupiter.api.Test
    void the_error_page_itself_is_not_found() {
        CaseSteps.assertProblem(api.get(WANG, "/error"), 404, "not-found");
    }

    /** The console's page asked for as JSON was a 406 with an empty body (Spring Boot's welcome page answers so). */
    @org.junit.jupiter.api.Test
    void an_error_status_given_without_a_body_is_a_problem() {
        ApiClient.Answer answer = api.send(api.request(LI, "/").header("Accept", "application/json").GET());
        CaseSteps.assertProblem(answer, 406, "not-acceptable");
    }

    /** PostgreSQL text cannot hold U+0000: in a query it was a 500. */
    @ParameterizedTest
    @CsvSource({"li.caseworker, /api/cases?caseworker=%00, caseworker",
            "chen.oversight, /api/audit/events?actor=a%00b, actor",
            "chen.oversight, /api/audit/access-log?caseId=%00, caseId",
            "wang.supervisor, /api/statistics?villageCode=110101%00, villageCode"})
    void a_nul_character_in_a_query_is_invalid_input(String user, String path, String parameter) {
        CaseSteps.assertInvalid(api.get(user, path), "invalid-input", parameter);
    }

    /** Java reads a year past PostgreSQL's last one (294276): compared with a stored time it was a 500. */
    @ParameterizedTest
    @CsvSource({"wang.supervisor, /api/statistics?to=%2B1000000-01-01T00:00:00Z, to",
            "chen.oversight, /api/audit/events?from=-1000000000-01-01T00:00:00Z, from",
            "chen.oversight, /api/audit/access-log?to=%2B1000000-01-01T00:00:00Z, to",
            "li.caseworker, /api/cases/any-case?asOf=%2B1000000-01-01T00:00:00Z, asOf"})
    void a_time_beyond_the_stored_years_is_invalid_input(String user, String path, String parameter) {
        CaseSteps.assertInvalid(api.get(user, path), "invalid-input", parameter);
    }

    /** In a body it would be stored in the log and then fail every projection of the case. */
    @org.junit.jupiter.api.Test
    void a_nul_character_in_a_body_is_invalid_input_and_nothing_is_written() {
        long events = steps.events();
        var registration = Registrations.valid();
        registration.with("child").put("name", "王\u0000明");
        CaseSteps.assertInvalid(api.post(LI, "/api/cases", registration), "invalid-input", "child.name");
        CaseSteps.Case c = steps.reported(LI, CaseSteps.freshVillage(CaseSteps.LI_TOWNSHIP));
        var visit = CaseSteps.visit(CaseSteps.today()).put("observations", "\u0000");
        CaseSteps.assertInvalid(steps.command(LI, c, "visits", visit), "invalid-input", "observations");
        assertThat(steps.events()).isEqualTo(events + 1);
    }

    /** The registration was carried out and only then refused with 406: the refusal must come first. */
    @ParameterizedTest
    @ValueSource(strings = {"text/html", "image/png", "application/xml"})
    void a_registration_whose_answer_cannot_be_json_is_refused_before_anything_is_written(String accept) {
        long events = steps.events();
        ApiClient.Answer answer = api.send(api.request(LI, "/api/cases").header("Content-Type", "application/json")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(Registrations.valid().toString())));
        CaseSteps.assertProblem(answer, 406, null);
        assertThat(steps.events()).isEqualTo(events);
    }

    /** A malformed form body on PUT, PATCH or DELETE was a 500: it was parsed before anything else looked. */
    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void a_malformed_form_body_on_another_method_is_refused_as_a_problem(String method) {
        ApiClient.Answer answer = api.send(api.request(CaseSteps.CHEN, "/api/audit/events")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString("%")));
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        CaseSteps.assertProblem(answer, answer.status(), null);
    }
}
