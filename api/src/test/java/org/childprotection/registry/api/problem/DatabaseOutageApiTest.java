package org.childprotection.registry.api.problem;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpRequest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;

/**
 * The registry's own database refuses connections (the shared server stays up: only this test's database is
 * closed to new connections and its sessions ended), then comes back. Its own context, because the outage
 * disturbs the processors of whatever registry runs on that database.
 */
@RegistryApiTest
@TestPropertySource(properties = "registry.test.context=database-outage")
@DirtiesContext
class DatabaseOutageApiTest {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    Reconciliation reconciliation;

    @AfterEach
    void databaseBack() throws SQLException {
        allowConnections(true);
    }

    @Test
    void while_the_database_is_unreachable_commands_reads_and_health_answer_503_and_afterwards_all_works_again()
            throws Exception {
        CaseSteps steps = new CaseSteps(api, jdbc);
        CaseSteps.Case c = steps.reported(LI, CaseSteps.freshVillage(CaseSteps.LI_TOWNSHIP));
        long events = steps.events();

        allowConnections(false);

        ApiClient.Answer command = visit(c, null);
        assertProblem(command, 503, DatabaseOutage.RULE);
        assertThat(command.header("Retry-After")).isEqualTo(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));

        ApiClient.Answer keyed = visit(c, "outage-visit-1");
        assertProblem(keyed, 503, DatabaseOutage.RULE);
        assertThat(keyed.header("Retry-After")).isNotNull();

        assertProblem(api.send(api.request(LI, c.path()).timeout(ANSWER_WITHIN).GET()), 503, DatabaseOutage.RULE);

        ApiClient.Answer health = api.send(api.request(null, "/actuator/health").timeout(ANSWER_WITHIN).GET());
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");

        allowConnections(true);

        // a client that honours Retry-After gets through once the pool has new connections, without a restart
        ApiClient.Answer after = visit(c, "outage-visit-1");
        for (int retry = 0; retry < 30 && after.status() == 503; retry++) {
            Thread.sleep(1000);
            after = visit(c, "outage-visit-1");
        }
        assertThat(after.status()).as("the key was given up after the 503: " + after.body()).isEqualTo(200);
        assertThat(after.header("Idempotent-Replayed")).isNull();
        assertThat(steps.events()).as("only the command answered 200 was written").isEqualTo(events + 1);
        ProjectionsAwait.caughtUp(reconciliation, Duration.ofSeconds(90));
        assertThat(steps.file(LI, c).get("version").asLong()).isEqualTo(c.version() + 1);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    private ApiClient.Answer visit(CaseSteps.Case c, String idempotencyKey) {
        HttpRequest.Builder request = api.request(LI, c.path() + "/visits").timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CaseSteps.visit(CaseSteps.today()).toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.send(request);
    }

    /** Closes (or opens) this test's database to new connections and ends the registry's current sessions. */
    private void allowConnections(boolean allow) throws SQLException {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (var admin = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                environment.getRequiredProperty("spring.datasource.username"), "")) {
            admin.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                var end = admin.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?");
                end.setString(1, name);
                end.executeQuery();
            }
        }
    }
}
