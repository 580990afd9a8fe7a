package org.childprotection.registry.api.maintenance;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.OPS;

/**
 * Issue 8, slow consumers, through the running registry: a village whose case files cannot be written (a database
 * trigger stands in for the fault) parks its case; other cases are answered and projected as usual; maintainers see
 * the dead letters in {@code /api/processors} and Prometheus, and retry them once the fault is gone.
 */
@RegistryApiTest
@Import(CaseSteps.class)
class DeadLettersApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    CaseSteps steps;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reconciliation reconciliation;

    @AfterEach
    void removeFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_village ON case_file");
    }

    @Test
    void a_parked_case_shows_in_status_and_metrics_and_a_maintainer_retry_projects_it() {
        String poisoned = CaseSteps.freshVillage(LI_TOWNSHIP);
        jdbc.execute("CREATE OR REPLACE FUNCTION refuse_village() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.village_code = '" + poisoned + "' THEN RAISE EXCEPTION 'test fault'; END IF; "
                + "RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER refuse_village BEFORE INSERT OR UPDATE ON case_file "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_village()");

        CaseSteps.Case parked = steps.reported(LI, poisoned);
        CaseSteps.Case flowing = steps.reported(LI, CaseSteps.freshVillage(LI_TOWNSHIP));
        assertThat(api.get(LI, flowing.path()).status()).as("other cases flow").isEqualTo(200);
        assertThat(api.get(LI, parked.path()).status()).as("no case file yet").isEqualTo(404);
        long events = steps.events();
        CaseSteps.assertProblem(steps.command(CaseSteps.SUN, parked, "visits", CaseSteps.visit(CaseSteps.today())), 404,
                "case-not-found");
        assertThat(steps.events()).as("the case itself refuses an outsider, file or no file").isEqualTo(events);

        ApiClient.Answer processors = processorsOnceParked();
        assertThat(processors.status()).isEqualTo(200);
        assertThat(processor(processors, "case-files").get("deadLetters").asLong()).isEqualTo(1);
        assertThat(processor(processors, "case-files").get("parkedCases").asLong()).isEqualTo(1);
        assertThat(processor(processors, "case-history").get("deadLetters").asLong()).isZero();
        assertThat(api.get(OPS, "/actuator/prometheus").body())
                .contains("registry_dead_letters{processor=\"case-files\"} 1.0")
                .contains("registry_dead_letters{processor=\"case-history\"} 0.0")
                .contains("registry_dead_letters{processor=\"merkle-log\"} 0.0");

        assertThat(api.post(LI, "/api/processors/case-files/dead-letters/retry", "").status()).isEqualTo(403);
        ApiClient.Answer unknown = api.post(OPS, "/api/processors/merkle-log/dead-letters/retry", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        ApiClient.Answer stillFaulty = api.post(OPS, "/api/processors/case-files/dead-letters/retry", "");
        assertThat(stillFaulty.status()).isEqualTo(200);
        assertThat(stillFaulty.json().get("lettersAfter").asLong()).isEqualTo(1);

        removeFault();
        ApiClient.Answer retried = api.post(OPS, "/api/processors/case-files/dead-letters/retry", "");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("lettersBefore").asLong()).isEqualTo(1);
        assertThat(retried.json().get("lettersAfter").asLong()).isZero();
        assertThat(api.get(LI, parked.path()).status()).isEqualTo(200);
        assertThat(reconciliation.check().caseFilesBehind()).as("the retry has projected the parked case").isZero();
        assertThat(processor(api.get(OPS, "/api/processors"), "case-files").get("deadLetters").asLong()).isZero();
    }

    /**
     * The processors' status once the parked case's event is in the dead-letter queue: the registration's answer
     * waited for a case file that never came, but only for as long as the answer waits, which on a busy machine may
     * end before the projection has parked the event.
     */
    private ApiClient.Answer processorsOnceParked() {
        ApiClient.Answer[] processors = new ApiClient.Answer[1];
        Await.until("a dead letter of case-files", Duration.ofSeconds(20), () -> {
            processors[0] = api.get(OPS, "/api/processors");
            return processors[0].status() != 200
                    || processor(processors[0], "case-files").get("deadLetters").asLong() > 0;
        });
        return processors[0];
    }

    private static com.fasterxml.jackson.databind.JsonNode processor(ApiClient.Answer answer, String name) {
        for (var processor : answer.json()) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + answer.body());
    }
}
