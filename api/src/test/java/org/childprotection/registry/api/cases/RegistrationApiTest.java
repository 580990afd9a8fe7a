package org.childprotection.registry.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@RegistryApiTest
class RegistrationApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_caseworker_registers_a_child_and_reads_the_case_file_and_its_history() {
        Instant before = Instant.now();
        ObjectNode body = Registrations.valid();
        body.with("report").putArray("triggers").add("CHILD_ALONE_OR_MISSING");
        body.put("reason", "school reported the child alone");

        var created = api.post("li.caseworker", "/api/cases", body);

        assertThat(created.status()).isEqualTo(201);
        String caseId = created.json().get("caseId").asText();
        assertThat(created.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(created.json().get("version").asLong()).isEqualTo(1);

        var file = api.get("li.caseworker", "/api/cases/" + caseId);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("ETag")).isEqualTo("\"1\"");
        JsonNode json = file.json();
        assertThat(json.get("status").asText()).isEqualTo("REPORTED");
        assertThat(json.at("/child/name").asText()).isEqualTo(Registrations.CHILD_NAME);
        assertThat(json.at("/child/idNumber").asText()).isEqualTo(body.at("/child/idNumber").asText());
        assertThat(json.at("/caregiver/name").asText()).isEqualTo("王奶奶");
        assertThat(json.get("caseworker").asText()).isEqualTo("li.caseworker");
        assertThat(json.get("villageCode").asText()).isEqualTo(Registrations.VILLAGE);
        Instant reportedAt = Instant.parse(json.get("reportedAt").asText());
        assertThat(reportedAt).isBetween(before, Instant.now());
        assertThat(Instant.parse(json.get("assessmentDue").asText())).isEqualTo(reportedAt.plus(24, ChronoUnit.HOURS));
        assertThat(json.get("overdue").asBoolean()).isFalse();

        var history = api.get("chen.oversight", "/api/cases/" + caseId + "/history");
        assertThat(history.status()).isEqualTo(200);
        JsonNode events = history.json().get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("type").asText()).isEqualTo("ChildRegistered");
        assertThat(events.get(1).get("type").asText()).isEqualTo("PoliceNotified");
        for (JsonNode event : events) {
            assertThat(event.at("/actor/username").asText()).isEqualTo("li.caseworker");
            assertThat(event.at("/actor/role").asText()).isEqualTo("CASEWORKER");
            assertThat(event.get("reason").asText()).isEqualTo("school reported the child alone");
            assertThat(Instant.parse(event.get("occurredAt").asText())).isBetween(before.minusMillis(1), Instant.now());
            assertThat(event.get("globalIndex").asLong()).isPositive();
        }
        assertThat(events.get(0).at("/data/child/name").asText()).isEqualTo(Registrations.CHILD_NAME);
        assertThat(events.get(1).get("globalIndex").asLong()).isGreaterThan(events.get(0).get("globalIndex").asLong());
    }

    @Test
    void an_actor_named_in_the_body_changes_nothing() {
        ObjectNode body = Registrations.valid();
        body.put("actor", "someone.else");
        body.putObject("metadata").put("actor", "someone.else").put("role", "SUPERVISOR");

        String caseId = api.post("li.caseworker", "/api/cases", body).json().get("caseId").asText();

        JsonNode event = api.get("li.caseworker", "/api/cases/" + caseId + "/history").json().at("/events/0");
        assertThat(event.at("/actor/username").asText()).isEqualTo("li.caseworker");
        assertThat(event.at("/actor/role").asText()).isEqualTo("CASEWORKER");
    }

    static Stream<Arguments> invalidRegistrations() {
        LocalDate sixteenToday = CaseSteps.today().minusYears(16);
        return Stream.of(
                arguments("missing child name", "child.name", edit(b -> b.with("child").remove("name"))),
                arguments("blank child name", "child.name", edit(b -> b.with("child").put("name", "  "))),
                arguments("name over 100 characters", "child.name",
                        edit(b -> b.with("child").put("name", "王".repeat(101)))),
                arguments("unknown sex", "child.sex", edit(b -> b.with("child").put("sex", "X"))),
                arguments("impossible date", "child.dateOfBirth",
                        edit(b -> b.with("child").put("dateOfBirth", "2019-02-30"))),
                arguments("date of birth in the future", "child.dateOfBirth",
                        edit(b -> b.with("child").put("dateOfBirth", CaseSteps.today().plusDays(2).toString())
                                .remove("idNumber"))),
                arguments("age as text", "caregiver.age", edit(b -> b.with("caregiver").put("age", "old"))),
                arguments("village code too short", "child.villageCode",
                        edit(b -> b.with("child").put("villageCode", "1101"))),
                arguments("missing father", "father", edit(b -> b.remove("father"))),
                arguments("unknown trigger", "report.triggers[0]",
                        edit(b -> b.with("report").putArray("triggers").add("NOT_A_TRIGGER"))),
                arguments("sixteen today", "child.dateOfBirth", edit(b -> {
                    b.with("child").put("dateOfBirth", sixteenToday.toString());
                    b.with("child").put("idNumber", Registrations.idNumber(sixteenToday));
                })),
                arguments("urban household registration", "child.hukou",
                        edit(b -> b.with("child").put("hukou", "URBAN"))),
                arguments("mother at home", "mother.status", edit(b -> b.with("mother").put("status", "AT_HOME"))),
                arguments("wrong ID check character", "child.idNumber", edit(b -> {
                    String id = b.at("/child/idNumber").asText();
                    char wrong = id.charAt(17) == '1' ? '2' : '1';
                    b.with("child").put("idNumber", id.substring(0, 17) + wrong);
                })),
                arguments("ID of another birth date", "child.idNumber", edit(b ->
                        b.with("child").put("idNumber", Registrations.idNumber(CaseSteps.today().minusYears(5))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void invalid_registrations_are_refused_naming_the_field_and_nothing_is_stored(String why, String field,
                                                                                   Consumer<ObjectNode> change) {
        ObjectNode body = Registrations.valid();
        change.accept(body);
        long eventsBefore = count("domain_event_entry");
        long filesBefore = count("case_file");

        var answer = api.post("li.caseworker", "/api/cases", body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).startsWith("urn:child-protection-registry:problem:");
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(count("domain_event_entry")).isEqualTo(eventsBefore);
        assertThat(count("case_file")).isEqualTo(filesBefore);
    }

    @Test
    void an_empty_registration_is_refused_naming_every_missing_part_at_once() {
        long eventsBefore = count("domain_event_entry");

        var answer = api.post("li.caseworker", "/api/cases", "{}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("rule").asText()).isEqualTo("invalid-input");
        assertThat(answer.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("child", "father", "mother", "report");
        assertThat(count("domain_event_entry")).isEqualTo(eventsBefore);
    }

    @Test
    void malformed_json_is_a_400_problem_and_nothing_is_stored() {
        long eventsBefore = count("domain_event_entry");

        var answer = api.post("li.caseworker", "/api/cases", "{\"child\": {\"name\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("rule").asText()).isEqualTo("malformed-body");
        assertThat(count("domain_event_entry")).isEqualTo(eventsBefore);
    }

    @Test
    void without_credentials_the_answer_is_401_and_with_a_wrong_password_too() {
        var anonymous = api.send(api.request(null, "/api/cases/anything").GET());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");

        var wrongPassword = api.send(api.request(null, "/api/cases/anything")
                .header("Authorization", "Basic bGkuY2FzZXdvcmtlcjp3cm9uZw==").GET());
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void oversight_and_maintainers_may_not_register_and_nothing_is_stored() {
        long eventsBefore = count("domain_event_entry");

        assertThat(api.post("chen.oversight", "/api/cases", Registrations.valid()).status()).isEqualTo(403);
        assertThat(api.post("ops.maintainer", "/api/cases", Registrations.valid()).status()).isEqualTo(403);
        assertThat(count("domain_event_entry")).isEqualTo(eventsBefore);
    }

    @Test
    void a_caseworker_cannot_register_a_child_outside_their_jurisdiction() {
        ObjectNode body = Registrations.valid();
        body.with("child").put("villageCode", "110101002003");
        long eventsBefore = count("domain_event_entry");

        var answer = api.post("li.caseworker", "/api/cases", body);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("rule").asText()).isEqualTo("jurisdiction");
        assertThat(count("domain_event_entry")).isEqualTo(eventsBefore);
    }

    @Test
    void a_case_outside_the_readers_jurisdiction_does_not_exist_for_them() {
        ObjectNode body = Registrations.valid();
        body.with("child").put("villageCode", "110101002003");
        String caseId = api.post("wang.supervisor", "/api/cases", body).json().get("caseId").asText();

        assertThat(api.get("wang.supervisor", "/api/cases/" + caseId).status()).isEqualTo(200);
        var hidden = api.get("li.caseworker", "/api/cases/" + caseId);
        var unknown = api.get("li.caseworker", "/api/cases/no-such-case");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(api.get("li.caseworker", "/api/cases/" + caseId + "/history").status()).isEqualTo(404);
        assertThat(hidden.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(api.get("ops.maintainer", "/api/cases/" + caseId).status()).isEqualTo(403);
    }

    @Test
    void a_registration_sent_as_another_media_type_is_refused() {
        var answer = api.send(api.request("li.caseworker", "/api/cases")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Registrations.valid().toString())));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static Consumer<ObjectNode> edit(Consumer<ObjectNode> change) {
        return change;
    }
}
