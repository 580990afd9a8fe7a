package org.childprotection.registry.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.assertInvalid;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;
import static org.childprotection.registry.api.support.CaseSteps.today;

/**
 * The read side of the API over one village of five cases made for this class: caseload filters, urgency
 * order and paging; the cross-case audit trail and its filters; the access log of the reads made here;
 * statistics; and the case file "as of" several instants of a case's life.
 *
 * <p>The village: A MONITORING (GREEN, li's), B EMERGENCY (declared, li's), C UNDER_PROTECTION (YELLOW,
 * wang's), D REPORTED (li's), E CLOSED (li's, approved by wang). {@code middle} lies between B and C.
 */
@RegistryApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadAndAuditApiTest {

    private static final Duration QUIET = Duration.ofMillis(50);

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    CaseSteps steps;
    String village;
    Case a;
    Case b;
    Case c;
    Case d;
    Case e;
    Instant start;
    Instant middle;
    /** Instants of E's life, the first before its registration, and what its case file said at each. */
    final List<Instant> instantsOfE = new ArrayList<>();
    final List<ApiClient.Answer> filesOfE = new ArrayList<>();

    @BeforeAll
    void village() {
        steps = new CaseSteps(api, jdbc);
        village = freshVillage(LI_TOWNSHIP);
        start = pause();
        a = steps.monitoring(LI, village);
        b = steps.reported(LI, village);
        b = b.at(steps.ok(LI, b, "emergency", CaseSteps.emergency()).get("version").asLong());
        middle = pause();
        c = steps.underProtection(WANG, village);
        d = steps.reported(LI, village);

        instantsOfE.add(pause());
        e = steps.reported(LI, village);
        snapshotE();
        steps.ok(LI, e, "assessments", CaseSteps.assessment("GREEN"));
        snapshotE();
        steps.ok(LI, e, "closure", CaseSteps.closure("PARENTS_RETURNED"));
        snapshotE();
        e = e.at(steps.ok(WANG, e, "closure/decision", CaseSteps.closureDecision(true)).get("version").asLong());
        snapshotE();
    }

    private void snapshotE() {
        instantsOfE.add(pause());
        filesOfE.add(api.get(LI, e.path()));
        pause();
    }

    /** An instant with 50 ms of clock on each side, so that it lies clearly between two commands. */
    private static Instant pause() {
        Await.aged(QUIET);
        Instant now = Instant.now();
        Await.aged(QUIET);
        return now;
    }

    // ---- caseload ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {LI, WANG, CHEN})
    void the_caseload_lists_red_first_then_by_the_first_deadline_and_closed_cases_last(String reader) {
        JsonNode page = api.get(reader, "/api/cases?villageCode=" + village).json();

        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(ids(page)).containsExactly(b.id(), d.id(), c.id(), a.id(), e.id());
        JsonNode red = page.at("/items/0");
        assertThat(red.get("caseId").asText()).isEqualTo(b.id());
        assertThat(red.get("childName").asText()).isNotBlank();
        assertThat(red.get("villageCode").asText()).isEqualTo(village);
        assertThat(red.get("status").asText()).isEqualTo("EMERGENCY");
        assertThat(red.get("riskLevel").asText()).isEqualTo("RED");
        assertThat(red.get("caseworker").asText()).isEqualTo(LI);
        assertThat(red.get("nextVisitDue").asText()).isEqualTo(today().plusDays(1).toString());
        assertThat(red.get("overdue").asBoolean()).isFalse();
        JsonNode yellow = page.at("/items/2");
        assertThat(yellow.get("caseworker").asText()).isEqualTo(WANG);
        assertThat(yellow.get("nextVisitDue").asText()).isEqualTo(today().plusDays(14).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "status=MONITORING                  | A",
            "status=CLOSED                      | E",
            "status=EMERGENCY&riskLevel=RED     | B",
            "riskLevel=YELLOW                   | C",
            "riskLevel=GREEN                    | A E",
            "caseworker=wang.supervisor         | C",
            "caseworker=li.caseworker           | B D A E",
            "overdue=false                      | B D C A E",
            "overdue=true                       | ''",
            "status=REPORTED&caseworker=li.caseworker | D",
            "status=MONITORING&riskLevel=RED    | ''"})
    void the_caseload_filters(String filter, String expected) {
        JsonNode page = api.get(WANG, "/api/cases?villageCode=" + village + "&" + filter).json();

        List<String> expectedIds = new ArrayList<>();
        for (String name : expected.split(" ")) {
            if (!name.isBlank()) {
                expectedIds.add(byName(name).id());
            }
        }
        assertThat(ids(page)).containsExactlyElementsOf(expectedIds);
        assertThat(page.get("total").asLong()).isEqualTo(expectedIds.size());
    }

    @Test
    void the_caseload_prefix_filter_and_the_overdue_filter_hold_for_every_item() {
        JsonNode township = api.get(CHEN, "/api/cases?villageCode=" + LI_TOWNSHIP + "&size=200").json();
        township.get("items").forEach(item -> assertThat(item.get("villageCode").asText()).startsWith(LI_TOWNSHIP));
        assertThat(township.get("total").asLong()).isGreaterThanOrEqualTo(5);

        JsonNode overdue = api.get(CHEN, "/api/cases?overdue=true&size=200").json();
        overdue.get("items").forEach(item -> assertThat(item.get("overdue").asBoolean()).isTrue());
        assertThat(ids(overdue)).doesNotContain(a.id(), b.id(), c.id(), d.id(), e.id());
    }

    @Test
    void the_caseload_pages() {
        String base = "/api/cases?villageCode=" + village + "&size=2&page=";

        JsonNode first = api.get(LI, base + 0).json();
        JsonNode second = api.get(LI, base + 1).json();
        JsonNode third = api.get(LI, base + 2).json();
        JsonNode beyond = api.get(LI, base + 3).json();

        assertThat(ids(first)).containsExactly(b.id(), d.id());
        assertThat(ids(second)).containsExactly(c.id(), a.id());
        assertThat(ids(third)).containsExactly(e.id());
        assertThat(beyond.get("items")).isEmpty();
        for (JsonNode page : List.of(first, second, third, beyond)) {
            assertThat(page.get("total").asLong()).isEqualTo(5);
            assertThat(page.get("size").asInt()).isEqualTo(2);
        }
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(beyond.get("page").asInt()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "size=0              | size",
            "size=1000           | size",
            "page=-1             | page",
            "page=abc            | page",
            "status=FOO          | status",
            "riskLevel=PINK      | riskLevel",
            "villageCode=abc     | villageCode",
            "villageCode=1101010010011 | villageCode",
            "overdue=maybe       | overdue"})
    void invalid_caseload_parameters_are_a_400_naming_the_parameter(String query, String parameter) {
        assertInvalid(api.get(WANG, "/api/cases?" + query), "invalid-input", parameter);
    }

    // ---- audit trail ------------------------------------------------------------------------------------

    @Test
    void the_audit_trail_of_a_village_lists_every_event_in_log_order_with_case_actor_and_reason() {
        JsonNode trail = api.get(CHEN, "/api/audit/events?villageCode=" + village + "&size=200").json();

        assertThat(trail.get("total").asLong()).isEqualTo(15);
        assertThat(trail.get("items")).hasSize(15);
        long previous = -1;
        for (JsonNode event : trail.get("items")) {
            assertThat(event.get("globalIndex").asLong()).isGreaterThan(previous);
            previous = event.get("globalIndex").asLong();
            assertThat(event.get("caseId").asText()).isIn(a.id(), b.id(), c.id(), d.id(), e.id());
            assertThat(event.get("villageCode").asText()).isEqualTo(village);
            assertThat(event.get("eventId").asText()).isNotBlank();
            assertThat(event.hasNonNull("occurredAt")).isTrue();
            assertThat(event.at("/actor/username").asText()).isIn(LI, WANG);
            assertThat(event.has("data")).isTrue();
        }
        assertThat(trail.at("/items/0/type").asText()).isEqualTo("ChildRegistered");
        assertThat(trail.at("/items/0/caseId").asText()).isEqualTo(a.id());
        JsonNode emergency = only(api.get(CHEN, "/api/audit/events?type=EmergencyDeclared&villageCode=" + village));
        assertThat(emergency.get("caseId").asText()).isEqualTo(b.id());
        assertThat(emergency.get("reason").asText()).isEqualTo("child found alone for three days");
        assertThat(emergency.at("/actor/role").asText()).isEqualTo("CASEWORKER");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "actor=wang.supervisor            | 4",
            "actor=li.caseworker              | 11",
            "type=RiskAssessed                | 3",
            "type=ClosureApproved             | 1",
            "type=ProtectionStatusChanged     | 4",
            "actor=wang.supervisor&type=RiskAssessed | 1",
            "actor=nobody                     | 0"})
    void the_audit_trail_filters_by_actor_and_type(String filter, int expected) {
        JsonNode trail = api.get(CHEN, "/api/audit/events?villageCode=" + village + "&" + filter + "&size=200").json();

        assertThat(trail.get("total").asLong()).isEqualTo(expected);
        assertThat(trail.get("items")).hasSize(expected);
        for (JsonNode event : trail.get("items")) {
            if (filter.contains("actor=")) {
                assertThat(event.at("/actor/username").asText()).isEqualTo(value(filter, "actor"));
            }
            if (filter.contains("type=")) {
                assertThat(event.get("type").asText()).isEqualTo(value(filter, "type"));
            }
        }
    }

    @Test
    void the_audit_trail_filters_by_time_with_from_inclusive_and_to_exclusive() {
        String base = "/api/audit/events?size=200&villageCode=" + village;
        Instant registeredE = instantsOfE.get(1);

        JsonNode before = api.get(CHEN, base + "&to=" + middle).json();
        JsonNode after = api.get(CHEN, base + "&from=" + middle).json();
        JsonNode window = api.get(CHEN, base + "&from=" + middle + "&to=" + registeredE).json();
        JsonNode beforeStart = api.get(CHEN, base + "&to=" + start).json();

        assertThat(caseIds(before)).containsOnly(a.id(), b.id()).hasSize(6);
        assertThat(caseIds(after)).containsOnly(c.id(), d.id(), e.id()).hasSize(9);
        assertThat(caseIds(window)).containsExactly(c.id(), c.id(), c.id(), d.id(), e.id());
        assertThat(beforeStart.get("total").asLong()).isZero();
        for (JsonNode event : after.get("items")) {
            assertThat(Instant.parse(event.get("occurredAt").asText())).isAfterOrEqualTo(middle);
        }
    }

    @Test
    void the_audit_trail_pages() {
        JsonNode page = api.get(CHEN, "/api/audit/events?villageCode=" + village + "&size=4&page=3").json();

        assertThat(page.get("total").asLong()).isEqualTo(15);
        assertThat(page.get("page").asInt()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(4);
        assertThat(page.get("items")).hasSize(3);
        assertThat(page.at("/items/2/type").asText()).isEqualTo("ClosureApproved");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type=Risk-Assessed        | type",
            "villageCode=abc           | villageCode",
            "from=yesterday            | from",
            "to=2026-13-01T00:00:00Z   | to",
            "size=0                    | size",
            "page=-1                   | page"})
    void invalid_audit_trail_parameters_are_a_400_naming_the_parameter(String query, String parameter) {
        assertInvalid(api.get(CHEN, "/api/audit/events?" + query), "invalid-input", parameter);
    }

    // ---- access log -------------------------------------------------------------------------------------

    @Test
    void the_access_log_shows_who_read_which_case_how_and_in_which_request() {
        Instant before = Instant.now().minusMillis(5);
        String token = UUID.randomUUID().toString();
        Map<String, String> requestIds = Map.of(
                "file", "file-" + token, "history", "history-" + token, "asOf", "asof-" + token, "oversight", "ov-" + token);

        ApiClient.Answer file = readWithRequestId(LI, a.path(), requestIds.get("file"));
        readWithRequestId(LI, a.path() + "/history", requestIds.get("history"));
        readWithRequestId(WANG, a.path() + "?asOf=" + Instant.now(), requestIds.get("asOf"));
        readWithRequestId(CHEN, a.path(), requestIds.get("oversight"));
        assertThat(file.header("X-Request-Id")).isEqualTo(requestIds.get("file"));

        long rows = steps.count("access_log");
        JsonNode log = api.get(CHEN, "/api/audit/access-log?caseId=" + a.id() + "&from=" + before).json();
        assertThat(steps.count("access_log")).as("reading the access log is not a case read").isEqualTo(rows);

        assertThat(log.get("total").asLong()).isEqualTo(4);
        JsonNode entries = log.get("items");
        assertEntry(entries.get(0), LI, "CASEWORKER", "CASE_FILE", requestIds.get("file"));
        assertThat(entries.get(0).get("serverRequestId").asText()).as("made by the server, not the client's")
                .isEqualTo(file.header("X-Server-Request-Id")).isNotEqualTo(requestIds.get("file"));
        assertEntry(entries.get(1), LI, "CASEWORKER", "HISTORY", requestIds.get("history"));
        assertEntry(entries.get(2), WANG, "SUPERVISOR", "CASE_FILE_AS_OF", requestIds.get("asOf"));
        assertEntry(entries.get(3), CHEN, "OVERSIGHT", "CASE_FILE", requestIds.get("oversight"));
        for (JsonNode entry : entries) {
            assertThat(Instant.parse(entry.get("accessedAt").asText())).isBetween(before, Instant.now());
        }

        JsonNode lisReads = api.get(CHEN, "/api/audit/access-log?caseId=" + a.id() + "&actor=" + LI
                + "&from=" + before).json();
        assertThat(lisReads.get("total").asLong()).isEqualTo(2);
        lisReads.get("items").forEach(entry -> assertThat(entry.get("username").asText()).isEqualTo(LI));
        assertThat(api.get(CHEN, "/api/audit/access-log?caseId=" + a.id() + "&to=" + before).json()
                .findValuesAsText("requestId")).doesNotContainAnyElementsOf(requestIds.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void the_access_log_and_the_audit_trail_cannot_be_written(String method) {
        long accessLog = steps.count("access_log");
        long events = steps.events();

        for (String user : List.of(CHEN, WANG, LI)) {
            for (String path : List.of("/api/audit/access-log", "/api/audit/access-log?caseId=" + a.id(),
                    "/api/audit/events")) {
                ApiClient.Answer answer = api.send(api.request(user, path)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"x\",\"caseId\":\"" + a.id() + "\",\"resource\":\"CASE_FILE\"}")));
                assertThat(answer.status()).as(method + " " + path + " by " + user).isIn(403, 405);
            }
        }
        assertThat(steps.count("access_log")).isEqualTo(accessLog);
        assertThat(steps.events()).isEqualTo(events);
    }

    // ---- statistics -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {WANG, CHEN})
    void statistics_of_the_village(String reader) {
        JsonNode figures = api.get(reader, "/api/statistics?villageCode=" + village).json();

        assertThat(figures.get("villageCode").asText()).isEqualTo(village);
        assertThat(figures.get("cases").asLong()).isEqualTo(5);
        assertThat(counts(figures.get("byStatus"))).containsOnly(entry("REPORTED", 1L), entry("MONITORING", 1L),
                entry("UNDER_PROTECTION", 1L), entry("EMERGENCY", 1L), entry("CLOSED", 1L));
        assertThat(counts(figures.get("byRiskLevel"))).as("open cases by colour")
                .containsOnly(entry("GREEN", 1L), entry("YELLOW", 1L), entry("RED", 1L), entry("NOT_ASSESSED", 1L));
        assertThat(figures.get("overdue").asLong()).isZero();
        assertThat(counts(figures.get("openCasesPerCaseworker"))).containsOnly(entry(LI, 3L), entry(WANG, 1L));
        assertThat(figures.get("medianHoursToFirstAssessment").asDouble()).isBetween(0.0, 0.1);
        assertThat(figures.get("emergencies").asLong()).isEqualTo(1);
    }

    @Test
    void statistics_for_a_period_count_emergencies_and_first_assessments_in_it() {
        String base = "/api/statistics?villageCode=" + village;

        JsonNode early = api.get(WANG, base + "&from=" + start + "&to=" + middle).json();
        JsonNode late = api.get(CHEN, base + "&from=" + middle).json();
        JsonNode future = api.get(CHEN, base + "&from=" + Instant.now().plus(1, ChronoUnit.HOURS)).json();

        assertThat(early.get("emergencies").asLong()).isEqualTo(1);
        assertThat(early.hasNonNull("medianHoursToFirstAssessment")).as("A was reported and assessed then").isTrue();
        assertThat(late.get("emergencies").asLong()).isZero();
        assertThat(future.get("emergencies").asLong()).isZero();
        assertThat(future.hasNonNull("medianHoursToFirstAssessment")).isFalse();
        assertThat(future.get("cases").asLong()).as("counts by status cover every case").isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"villageCode=abc | villageCode", "from=today | from"})
    void invalid_statistics_parameters_are_a_400_naming_the_parameter(String query, String parameter) {
        assertInvalid(api.get(CHEN, "/api/statistics?" + query), "invalid-input", parameter);
    }

    // ---- as of ------------------------------------------------------------------------------------------

    @Test
    void the_case_file_as_of_an_instant_is_what_the_case_file_said_then() {
        assertThat(filesOfE).hasSize(4);
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < filesOfE.size(); i++) {
            ApiClient.Answer then = filesOfE.get(i);
            assertThat(then.status()).isEqualTo(200);

            ApiClient.Answer asOf = api.get(CHEN, e.path() + "?asOf=" + instantsOfE.get(i + 1));

            assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
            assertThat(asOf.header("ETag")).as("ETag as of instant %d", i).isEqualTo(then.header("ETag"));
            JsonNode was = then.json();
            JsonNode is = asOf.json();
            for (String field : List.of("version", "status", "riskLevel", "caseworker", "villageCode", "reportedAt",
                    "assessedAt", "assessmentDue", "nextVisitDue", "overdue")) {
                assertThat(is.path(field)).as("%s as of instant %d", field, i).isEqualTo(was.path(field));
            }
            assertThat(is).as("the whole case file as of instant %d", i).isEqualTo(was);
            statuses.add(is.get("status").asText() + " " + is.path("riskLevel").asText("-") + " v"
                    + is.get("version").asLong());
        }
        assertThat(statuses).containsExactly("REPORTED - v0", "MONITORING GREEN v2", "CLOSURE_REQUESTED GREEN v3",
                "CLOSED GREEN v4");
    }

    @Test
    void as_of_before_the_registration_is_404_and_as_of_a_malformed_instant_is_400() {
        assertProblem(api.get(CHEN, e.path() + "?asOf=" + instantsOfE.get(0)), 404, "case-not-found");
        assertProblem(api.get(LI, e.path() + "?asOf=" + start.minus(1, ChronoUnit.DAYS)), 404, "case-not-found");
        assertInvalid(api.get(LI, e.path() + "?asOf=yesterday"), "invalid-input", "asOf");

        ApiClient.Answer later = api.get(LI, e.path() + "?asOf=" + Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.header("ETag")).isEqualTo("\"" + e.version() + "\"");
        assertThat(later.json().get("status").asText()).isEqualTo("CLOSED");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private ApiClient.Answer readWithRequestId(String user, String path, String requestId) {
        ApiClient.Answer answer = api.send(api.request(user, path).header("X-Request-Id", requestId).GET());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private void assertEntry(JsonNode entry, String username, String role, String resource, String requestId) {
        assertThat(entry.get("username").asText()).isEqualTo(username);
        assertThat(entry.get("role").asText()).isEqualTo(role);
        assertThat(entry.get("caseId").asText()).isEqualTo(a.id());
        assertThat(entry.get("resource").asText()).isEqualTo(resource);
        assertThat(entry.get("requestId").asText()).isEqualTo(requestId);
        assertThat(UUID.fromString(entry.get("serverRequestId").asText())).isNotNull();
        assertThat(entry.get("clientAddress").asText()).isEqualTo("127.0.0.1");
    }

    private Case byName(String name) {
        return switch (name) {
            case "A" -> a;
            case "B" -> b;
            case "C" -> c;
            case "D" -> d;
            case "E" -> e;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static JsonNode only(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("items")).hasSize(1);
        return answer.json().at("/items/0");
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("caseId");
    }

    private static List<String> caseIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(event -> ids.add(event.get("caseId").asText()));
        return ids;
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
        return counts;
    }

    private static String value(String query, String name) {
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException(name);
    }
}
