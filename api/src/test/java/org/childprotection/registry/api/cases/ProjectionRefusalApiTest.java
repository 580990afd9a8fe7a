package org.childprotection.registry.api.cases;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;

/**
 * The case file and the history are written in the command's own transaction (docs/projections-in-the-command.md):
 * a command whose events a projection cannot apply (a database trigger stands in for the fault) is refused with a
 * problem, and nothing of it is recorded: no event, no history row, no change to the case file. Other cases are
 * recorded as usual, and each answer is read-your-writes at once.
 */
@RegistryApiTest
class ProjectionRefusalApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    CaseSteps steps;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_village ON case_file");
    }

    @Test
    void a_command_a_projection_cannot_apply_is_refused_and_nothing_of_it_is_recorded() {
        CaseSteps.Case poisoned = steps.reported(LI, CaseSteps.freshVillage(LI_TOWNSHIP));
        jdbc.execute("CREATE OR REPLACE FUNCTION refuse_village() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.village_code = '" + poisoned.village() + "' THEN RAISE EXCEPTION 'test fault'; END IF; "
                + "RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER refuse_village BEFORE INSERT OR UPDATE ON case_file "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_village()");
        long events = steps.events();
        long history = steps.count("case_event");

        ApiClient.Answer refused = steps.command(LI, poisoned, "visits", CaseSteps.visit(CaseSteps.today()));

        CaseSteps.assertProblem(refused, 500, "projection-refused");
        assertThat(refused.body()).doesNotContain("test fault");
        assertThat(steps.events()).as("no event in the log").isEqualTo(events);
        assertThat(steps.count("case_event")).as("no history row").isEqualTo(history);
        assertThat(steps.file(LI, poisoned).get("version").asLong()).as("the case file as it was")
                .isEqualTo(poisoned.version());

        CaseSteps.Case healthy = steps.reported(LI, CaseSteps.freshVillage(LI_TOWNSHIP));
        long version = steps.ok(LI, healthy, "visits", CaseSteps.visit(CaseSteps.today())).get("version").asLong();
        steps.readYourWrites(LI, healthy, version);
        var healthyHistory = steps.history(LI, healthy);
        assertThat(healthyHistory.get(healthyHistory.size() - 1).get("sequence").asLong())
                .as("the history shows the command at once").isEqualTo(version);

        removeFault();
        long retried = steps.ok(LI, poisoned, "visits", CaseSteps.visit(CaseSteps.today())).get("version").asLong();
        assertThat(retried).as("the refused command left no trace, so sending it again records it once")
                .isEqualTo(poisoned.version() + 1);
        steps.readYourWrites(LI, poisoned, retried);
    }
}
