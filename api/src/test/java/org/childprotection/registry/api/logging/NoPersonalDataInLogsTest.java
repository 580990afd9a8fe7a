package org.childprotection.registry.api.logging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, ID numbers and addresses never reach the application log, not even when a request is refused (for the
 * usernames typed at failed sign-ins, see {@code SignInThrottleApiTest}); nor does any problem answer quote them
 * back, whichever rule refused the request (docs/erasure.md). Dead letters no longer exist: a projection that
 * cannot apply an event refuses the command (docs/dead-letters.md), and its answer is one of these.
 */
@RegistryApiTest
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest {

    @Autowired
    ApiClient api;
    @Autowired
    CaseSteps steps;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registering_and_reading_a_child_logs_no_personal_data(CapturedOutput log) {
        ObjectNode body = Registrations.valid();
        String idNumber = body.at("/child/idNumber").asText();
        String caseId = api.post("li.caseworker", "/api/cases", body).json().get("caseId").asText();
        api.get("li.caseworker", "/api/cases/" + caseId);
        api.get("li.caseworker", "/api/cases/" + caseId + "/history");
        ObjectNode refused = Registrations.valid();
        refused.with("child").put("idNumber", idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1'));
        api.post("li.caseworker", "/api/cases", refused);
        api.post("li.caseworker", "/api/cases", "{\"child\": {\"name\": \"王小明\", \"sex\": 5");

        assertThat(log.getAll())
                .doesNotContain(Registrations.CHILD_NAME)
                .doesNotContain(idNumber)
                .doesNotContain(idNumber.substring(0, 17))
                .doesNotContain("王奶奶")
                .doesNotContain("广东省深圳市")
                .doesNotContain("东风小学");
    }

    @Test
    void no_problem_answer_quotes_a_personal_field_back(CapturedOutput log) {
        String name = "欧阳" + "明月";
        String phrase = "奶奶说孩子夜里哭醒";
        ObjectNode body = Registrations.valid();
        String idNumber = body.at("/child/idNumber").asText();
        String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        CaseSteps.Case open = steps.monitoring("li.caseworker", CaseSteps.freshVillage(CaseSteps.LI_TOWNSHIP));
        CaseSteps.Case closed = steps.closed("li.caseworker", "wang.supervisor",
                CaseSteps.freshVillage(CaseSteps.LI_TOWNSHIP));
        steps.ok("wang.supervisor", closed, "erasure", CaseSteps.erasure("COURT_ORDER"));
        ObjectNode visit = CaseSteps.visit(CaseSteps.today()).put("observations", phrase + name);

        List<ApiClient.Answer> refusals = new ArrayList<>();
        refusals.add(api.post("li.caseworker", "/api/cases", withChild(body, "idNumber", wrongCheck)));
        refusals.add(api.post("li.caseworker", "/api/cases", withChild(body, "name", name + "x".repeat(300))));
        refusals.add(api.post("li.caseworker", "/api/cases", withChild(body, "sex", name)));
        refusals.add(api.post("li.caseworker", "/api/cases", withChild(body, "dateOfBirth", name)));
        refusals.add(api.post("li.caseworker", "/api/cases", "{\"child\": {\"name\": \"" + name + "\", \"sex\": 5"));
        refusals.add(api.post("li.caseworker", "/api/cases", withChild(body, "villageCode", "110102001001")
                .put("reason", name)));
        refusals.add(api.post("chen.oversight", "/api/cases", withChild(body, "name", name)));
        refusals.add(api.post("li.caseworker", closed.path() + "/visits", visit));
        refusals.add(api.post("li.caseworker", "/api/cases/no-such-case/visits", visit));
        refusals.add(api.post("li.caseworker", open.path() + "/visits", visit.deepCopy().put("visitDate", name)));
        refusals.add(api.post("li.caseworker", open.path() + "/corrections",
                CaseSteps.correction("no-such-event", "child.name", name)));
        refusals.add(api.post("li.caseworker", open.path() + "/corrections",
                CaseSteps.correction(steps.eventId(open, 0), "child.villageCode", idNumber)));
        refusals.add(api.post("wang.supervisor", closed.path() + "/erasure/decision",
                CaseSteps.erasureDecision(true).put("note", name)));
        refusals.add(api.post("sun.supervisor", open.path() + "/visits", visit));

        assertThat(refusals).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.body()).doesNotContain(name, phrase, idNumber, wrongCheck, idNumber.substring(6, 14));
        });
        assertThat(log.getAll()).doesNotContain(name, phrase, idNumber, wrongCheck);
    }

    /**
     * The refusals that come after the body was read: a stale version, a reused idempotency key, and a projection
     * that throws with the whole case file in its message (a database trigger stands in for the fault). The 500
     * answers {@code projection-refused} with a fixed detail, the log names only the exception's class, the metrics
     * count a 500 and nothing more, and no cause is stored anywhere: the dead-letter table is gone
     * (docs/dead-letters.md) and the refused command's text is in no table at all.
     */
    @Test
    void refusals_after_the_body_was_read_and_a_refused_projection_quote_nothing_either(CapturedOutput log) {
        String phrase = "夜里哭醒" + System.nanoTime();
        CaseSteps.Case c = steps.monitoring("li.caseworker", CaseSteps.freshVillage(CaseSteps.LI_TOWNSHIP));
        String idNumber = steps.file("li.caseworker", c).at("/child/idNumber").asText();
        ObjectNode visit = CaseSteps.visit(CaseSteps.today()).put("observations", phrase + Registrations.CHILD_NAME);
        String key = "no-personal-data-" + c.id();
        long events = steps.events();

        ApiClient.Answer stale = api.send(api.request("li.caseworker", c.path() + "/visits")
                .header("Content-Type", "application/json").header("If-Match", "\"" + (c.version() - 1) + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(visit.toString(), StandardCharsets.UTF_8)));
        api.send(api.request("li.caseworker", c.path() + "/assessments").header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(CaseSteps.assessment("GREEN").toString())));
        ApiClient.Answer reusedKey = api.send(api.request("li.caseworker", c.path() + "/visits")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(visit.toString(), StandardCharsets.UTF_8)));
        long beforeFault = steps.events();
        jdbc.execute("CREATE OR REPLACE FUNCTION quote_the_file() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.village_code = '" + c.village() + "' THEN RAISE EXCEPTION 'fault in %', NEW.document; "
                + "END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER quote_the_file BEFORE INSERT OR UPDATE ON case_file "
                + "FOR EACH ROW EXECUTE FUNCTION quote_the_file()");
        ApiClient.Answer refusedProjection = steps.command("li.caseworker", c, "visits", visit);

        CaseSteps.assertProblem(stale, 412, "stale-version");
        CaseSteps.assertProblem(reusedKey, 422, "idempotency-key-reused");
        CaseSteps.assertProblem(refusedProjection, 500, "projection-refused");
        assertThat(List.of(stale, reusedKey, refusedProjection)).allSatisfy(answer -> assertThat(answer.body())
                .doesNotContain(Registrations.CHILD_NAME, phrase, idNumber, idNumber.substring(6, 14)));
        assertThat(log.getAll()).contains("refused a HomeVisitRecorded of case " + c.id())
                .doesNotContain(Registrations.CHILD_NAME, phrase, idNumber);
        assertThat(api.get("ops.maintainer", "/actuator/prometheus").body()).contains("status=\"500\"")
                .doesNotContain(Registrations.CHILD_NAME, phrase, idNumber);
        assertThat(steps.events()).as("only the assessment was recorded").isEqualTo(events + 1)
                .isEqualTo(beforeFault);
        assertThat(jdbc.queryForObject("SELECT to_regclass('dead_letter_entry') IS NULL", Boolean.class)).isTrue();
        assertThat(tablesHolding(phrase)).as("tables holding the refused commands' text").isEmpty();
    }

    @AfterEach
    void removeFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS quote_the_file ON case_file");
    }

    private List<String> tablesHolding(String text) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_type = 'BASE TABLE'", String.class).stream()
                .filter(table -> jdbc.queryForObject("SELECT count(*) FROM " + table + " t WHERE t::text LIKE ?",
                        Long.class, "%" + text + "%") > 0)
                .toList();
    }

    private static ObjectNode withChild(ObjectNode registration, String field, String value) {
        ObjectNode body = registration.deepCopy();
        body.with("child").put(field, value);
        return body;
    }
}
