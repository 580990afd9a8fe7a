package org.childprotection.registry.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases in a given state, made through the HTTP API as a user would make them, and the command bodies of
 * docs/api.md (valid ones, to be changed by a test in the one place it is about). Also counts what was written,
 * and checks problem answers the same way everywhere.
 *
 * <p>Tests share one registry and database, so every test makes its own cases; {@link #freshVillage} gives a
 * village no other test of this JVM uses, for tests that count or page.
 */
public final class CaseSteps {

    public static final String LI = "li.caseworker";
    public static final String WANG = "wang.supervisor";
    public static final String ZHAO = "zhao.supervisor";
    /** The supervisor of another county, {@link #RECEIVING_COUNTY_TOWNSHIP}'s: the receiving side of transfers. */
    public static final String SUN = "sun.supervisor";
    public static final String CHEN = "chen.oversight";
    public static final String OPS = "ops.maintainer";

    /** li.caseworker's township; the supervisors' county is 110101. */
    public static final String LI_TOWNSHIP = "110101001";
    /** A township of the supervisors' county that li.caseworker may not see. */
    public static final String OTHER_TOWNSHIP = "110101002";
    /** A county outside every caseworker's and supervisor's jurisdiction (oversight sees it). */
    public static final String OTHER_COUNTY_TOWNSHIP = "110102001";
    /** A township of sun.supervisor's county, outside li's, wang's and zhao's jurisdiction. */
    public static final String RECEIVING_COUNTY_TOWNSHIP = "110105001";

    public static final ZoneId REGISTRY_ZONE = RegistryCalendar.ZONE;
    public static final String PROBLEM_TYPE_PREFIX = "urn:child-protection-registry:problem:";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Villages handed out in this JVM; starts above the fixed villages other tests use (001, 003). */
    private static final AtomicInteger NEXT_VILLAGE = new AtomicInteger(400);

    private final ApiClient api;
    private final JdbcTemplate jdbc;

    public CaseSteps(ApiClient api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A case as a command left it: its id, its version after the command, and its village. */
    public record Case(String id, long version, String village) {

        public Case at(long newVersion) {
            return new Case(id, newVersion, village);
        }

        public String path() {
            return "/api/cases/" + id;
        }
    }

    /** A command endpoint of docs/api.md, relative to the case, with a valid body. */
    public record Command(String name, String path, ObjectNode body, boolean supervisorOnly) {

        @Override
        public String toString() {
            return name;
        }
    }

    // ---- places and days ------------------------------------------------------------------------------

    /** A village of the township that no other test of this JVM was given. */
    public static String freshVillage(String township) {
        int n = NEXT_VILLAGE.getAndIncrement();
        if (n > 999) {
            throw new IllegalStateException("out of fresh villages");
        }
        return township + String.format("%03d", n);
    }

    /** Today where the children live: the registry's calendar. */
    public static LocalDate today() {
        return LocalDate.now(REGISTRY_ZONE);
    }

    // ---- cases in a given state ---------------------------------------------------------------------------

    /** REPORTED: registered by {@code user} (its first caseworker), without a mandatory-reporting trigger. */
    public Case reported(String user, String village) {
        ObjectNode body = Registrations.valid();
        body.with("child").put("villageCode", village);
        ApiClient.Answer answer = api.post(user, "/api/cases", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return new Case(answer.json().get("caseId").asText(), answer.json().get("version").asLong(), village);
    }

    /** MONITORING (GREEN). */
    public Case monitoring(String user, String village) {
        return assessed(reported(user, village), user, "GREEN");
    }

    /** UNDER_PROTECTION (YELLOW). */
    public Case underProtection(String user, String village) {
        return assessed(reported(user, village), user, "YELLOW");
    }

    /** EMERGENCY (RED assessment). */
    public Case emergency(String user, String village) {
        return assessed(reported(user, village), user, "RED");
    }

    /** CLOSURE_REQUESTED by {@code requester}, from MONITORING. */
    public Case closureRequested(String requester, String village) {
        Case monitoring = monitoring(requester, village);
        return monitoring.at(version(ok(requester, monitoring, "closure", closure("PARENTS_RETURNED"))));
    }

    /** CLOSED: requested by {@code requester}, approved by {@code approver}. */
    public Case closed(String requester, String approver, String village) {
        Case requested = closureRequested(requester, village);
        return requested.at(version(ok(approver, requested, "closure/decision", closureDecision(true))));
    }

    public Case assessed(Case c, String user, String riskLevel) {
        return c.at(version(ok(user, c, "assessments", assessment(riskLevel))));
    }

    /** Transferred to {@code village}: requested by {@code requester}, accepted by {@code receiver}. */
    public Case transferred(String requester, String receiver, Case c, String village) {
        Case requested = c.at(version(ok(requester, c, "transfer", transfer(village))));
        return new Case(c.id(), version(ok(receiver, requested, "transfer/decision", transferDecision(true))), village);
    }

    /** Refers the child to a service and answers the new referral's id. */
    public String openReferral(String user, Case c) {
        return ok(user, c, "referrals", referral()).get("referralId").asText();
    }

    /** Files a guardianship intervention and answers its id. */
    public String openIntervention(String supervisor, Case c) {
        return ok(supervisor, c, "interventions", intervention()).get("interventionId").asText();
    }

    // ---- requests -------------------------------------------------------------------------------------

    /** POST /api/cases/{id}/{path}. */
    public ApiClient.Answer command(String user, Case c, String path, Object body) {
        return api.post(user, c.path() + "/" + path, body);
    }

    /** The command, which must be accepted (200); answers its JSON. */
    public JsonNode ok(String user, Case c, String path, Object body) {
        ApiClient.Answer answer = command(user, c, path, body);
        assertThat(answer.status()).as(path + " by " + user + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    /**
     * Read-your-writes (docs/api.md): the GET right after a command that answered {@code version} shows that version,
     * in the body and as the ETag. Answers the case file.
     */
    public JsonNode readYourWrites(String user, Case c, long version) {
        ApiClient.Answer read = api.get(user, c.path());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("version").asLong())
                .as("read-your-writes: the case file right after a command answered with version %d", version)
                .isEqualTo(version);
        assertThat(read.header("ETag")).as("read-your-writes: ETag").isEqualTo("\"" + version + "\"");
        return read.json();
    }

    public JsonNode file(String user, Case c) {
        ApiClient.Answer answer = api.get(user, c.path());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    public JsonNode history(String user, Case c) {
        ApiClient.Answer answer = api.get(user, c.path() + "/history");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("events");
    }

    /** The id of the case's event at {@code sequence}, read from its history. */
    public String eventId(Case c, long sequence) {
        for (JsonNode event : history(WANG, c)) {
            if (event.get("sequence").asLong() == sequence) {
                return event.get("eventId").asText();
            }
        }
        throw new AssertionError("no event " + sequence + " in case " + c.id());
    }

    private static long version(JsonNode answer) {
        return answer.get("version").asLong();
    }

    // ---- what was written -----------------------------------------------------------------------------

    /** Rows of the event log. */
    public long events() {
        return count("domain_event_entry");
    }

    public long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    // ---- problem answers ------------------------------------------------------------------------------

    /**
     * An RFC 9457 problem with {@code status}: problem+json, every member of docs/api.md, the {@code rule} (when not
     * null), and never a stack trace.
     */
    public static JsonNode assertProblem(ApiClient.Answer answer, int status, String rule) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("type").asText()).startsWith(PROBLEM_TYPE_PREFIX);
        if (rule != null) {
            assertThat(problem.path("rule").asText()).isEqualTo(rule);
            assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPE_PREFIX + rule);
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\"trace\"");
        return problem;
    }

    /** A 400 problem whose {@code errors} name {@code field}. */
    public static JsonNode assertInvalid(ApiClient.Answer answer, String rule, String field) {
        JsonNode problem = assertProblem(answer, 400, rule);
        assertThat(problem.path("errors").isArray()).as(answer.body()).isTrue();
        assertThat(problem.path("errors").findValuesAsText("field")).as(answer.body()).contains(field);
        for (JsonNode error : problem.get("errors")) {
            assertThat(error.path("message").asText()).isNotBlank();
        }
        return problem;
    }

    // ---- command bodies (docs/api.md) ------------------------------------------------------------------

    public static ObjectNode assessment(String riskLevel) {
        ObjectNode body = JSON.createObjectNode();
        body.put("riskLevel", riskLevel);
        body.putArray("factors").add("LIVES_ALONE").add("NO_PARENTAL_CONTACT");
        body.put("summary", "孩子放学后独自在家，与父母联系很少");
        return body;
    }

    public static ObjectNode assignment(String caseworker) {
        return JSON.createObjectNode().put("caseworker", caseworker).put("reason", "caseload balancing");
    }

    public static ObjectNode guardian() {
        return JSON.createObjectNode().put("name", "王大伯").put("relationship", "OTHER_RELATIVE").put("age", 52)
                .put("capacity", "CAPABLE").put("agreementSigned", true).put("phone", "+86 138-0000-0000");
    }

    public static ObjectNode visit(LocalDate date) {
        ObjectNode body = JSON.createObjectNode();
        body.put("visitDate", date.toString());
        body.put("visitorRole", "CHILDREN_DIRECTOR");
        body.put("childSeen", true);
        body.put("observations", "孩子在家写作业，奶奶在做饭");
        body.putArray("concerns").add("HEALTH");
        return body;
    }

    public static ObjectNode parentalContact(LocalDate date) {
        return JSON.createObjectNode().put("date", date.toString()).put("parent", "MOTHER").put("channel", "VIDEO");
    }

    public static ObjectNode referral() {
        return JSON.createObjectNode().put("service", "PSYCHOSOCIAL").put("provider", "县社工站")
                .put("note", "每周一次心理辅导");
    }

    public static ObjectNode referralOutcome(String outcome) {
        return JSON.createObjectNode().put("outcome", outcome).put("note", "已完成四次辅导");
    }

    public static ObjectNode emergency() {
        ObjectNode body = JSON.createObjectNode();
        body.put("trigger", "CHILD_ALONE_OR_MISSING");
        body.putArray("actions").add("TEMPORARY_CARE_PLACEMENT").add("PARENTS_ORDERED_TO_RETURN");
        body.put("placement", "RELATIVE");
        body.put("reason", "child found alone for three days");
        return body;
    }

    public static ObjectNode intervention() {
        return JSON.createObjectNode().put("grounds", "ABANDONED_DUTY_6_MONTHS").put("court", "东城区人民法院")
                .put("reason", "parents unreachable for seven months");
    }

    public static ObjectNode courtDecision(boolean granted) {
        ObjectNode body = JSON.createObjectNode().put("granted", granted).put("note", "判决书 (2026) 京0101民特1号");
        if (granted) {
            body.putObject("newGuardian").put("name", "王姑姑").put("relationship", "OTHER_RELATIVE").put("age", 45);
        }
        return body;
    }

    public static ObjectNode closure(String reason) {
        return JSON.createObjectNode().put("reason", reason).put("note", "母亲已返乡照顾");
    }

    public static ObjectNode erasure(String basis) {
        return JSON.createObjectNode().put("basis", basis).put("reason", "法院裁定书（2026）京0101民特12号");
    }

    public static ObjectNode erasureDecision(boolean approve) {
        return JSON.createObjectNode().put("approve", approve).put("note", "已核实裁定书原件");
    }

    public static ObjectNode closureDecision(boolean approve) {
        return JSON.createObjectNode().put("approve", approve).put("note", "checked with the village committee");
    }

    public static ObjectNode reopening() {
        return JSON.createObjectNode().put("reason", "mother left again for work");
    }

    public static ObjectNode transfer(String villageCode) {
        return JSON.createObjectNode().put("villageCode", villageCode).put("reason", "child moved to grandparents");
    }

    public static ObjectNode transferDecision(boolean accept) {
        return JSON.createObjectNode().put("accept", accept).put("note", "a caseworker of the township takes it");
    }

    public static ObjectNode correction(String eventId, String field, String value) {
        return JSON.createObjectNode().put("eventId", eventId).put("field", field).put("value", value)
                .put("reason", "typing error at registration");
    }

    /**
     * Every command endpoint of docs/api.md on an existing case, each with a valid body; the referral and
     * intervention ids go into the paths that need one.
     */
    public static List<Command> allCommands(String referralId, String interventionId, String eventId) {
        List<Command> commands = new ArrayList<>();
        commands.add(new Command("assessments", "assessments", assessment("GREEN"), false));
        commands.add(new Command("assignment", "assignment", assignment(LI), true));
        commands.add(new Command("guardian", "guardian", guardian(), false));
        commands.add(new Command("visits", "visits", visit(today()), false));
        commands.add(new Command("parental-contacts", "parental-contacts", parentalContact(today()), false));
        commands.add(new Command("referrals", "referrals", referral(), false));
        commands.add(new Command("referral outcome", "referrals/" + referralId + "/outcome",
                referralOutcome("COMPLETED"), false));
        commands.add(new Command("emergency", "emergency", emergency(), false));
        commands.add(new Command("interventions", "interventions", intervention(), true));
        commands.add(new Command("court decision", "interventions/" + interventionId + "/decision",
                courtDecision(true), true));
        commands.add(new Command("closure", "closure", closure("PARENTS_RETURNED"), false));
        commands.add(new Command("closure decision", "closure/decision", closureDecision(true), true));
        commands.add(new Command("reopening", "reopening", reopening(), true));
        commands.add(new Command("transfer", "transfer", transfer(LI_TOWNSHIP + "999"), true));
        commands.add(new Command("transfer decision", "transfer/decision", transferDecision(true), true));
        commands.add(new Command("corrections", "corrections", correction(eventId, "child.name", "王晓明"), false));
        return commands;
    }
}
