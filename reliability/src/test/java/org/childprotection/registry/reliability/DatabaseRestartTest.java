package org.childprotection.registry.reliability;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;

/**
 * Scenario 3 of the fault suite: the registry's PostgreSQL (a private cluster, never the shared server) stops
 * abruptly under load and comes back. Meanwhile every request is answered in bounded time, with 503 and
 * {@code Retry-After} when it needed the database, and health says DOWN; afterwards the same API process takes
 * commands again, its projections, tree-head signer and read-your-writes wait recover, and nothing accepted is lost.
 */
class DatabaseRestartTest {

    static final Size SIZE = Size.current();
    static final Duration BEFORE = Duration.ofSeconds(3);
    static final Duration OUTAGE = Duration.ofSeconds(SIZE == Size.FULL ? 20 : 6);
    static final Duration AFTER = Duration.ofSeconds(SIZE == Size.FULL ? 30 : 8);

    @Test
    void scenario_3_while_postgres_is_down_the_api_answers_503_and_afterwards_recovers_without_a_restart()
            throws Exception {
        try (Workspace workspace = new Workspace("database-restart");
             PrivatePostgres postgres = PrivatePostgres.start();
             ScratchDatabase database = ScratchDatabase.createOn(postgres.jdbcServer());
             RegistryNode node = RegistryNode.start("node", workspace.dir(), database)) {
            LogAudit audit = new LogAudit(database.jdbc());
            List<String> caseIds = new ArrayList<>();
            for (int i = 0; i < SIZE.times(8); i++) {
                caseIds.add(Command.post(node, LI, null, "/api/cases", Registrations.valid(), null).caseId());
            }

            CompletableFuture<List<Command>> load = CompletableFuture.supplyAsync(() -> Load.during(6,
                    BEFORE.plus(OUTAGE).plus(AFTER), i -> visit(node, caseIds)));
            Await.aged(BEFORE);
            postgres.stopImmediately();
            long down = System.nanoTime();
            ApiClient.Answer health = awaitHealth(node, 503);
            long healthDownMillis = (System.nanoTime() - down) / 1_000_000;
            Await.aged(OUTAGE.minusMillis(healthDownMillis)); // already past when health took longer
            postgres.startAgain();
            List<Command> underFault = load.get(BEFORE.plus(OUTAGE).plus(AFTER).toSeconds() + 60, TimeUnit.SECONDS);
            List<Command> afterwards = Load.inParallel(4, SIZE.times(40), i -> visit(node, caseIds));

            assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(underFault).allSatisfy(c -> {
                assertThat(c.status()).as("answered, never a hang or a 500: " + c).isIn(200, 409, 503);
                if (c.status() == 503) {
                    assertThat(c.rule()).isEqualTo("database-unavailable");
                    assertThat(c.retryAfter()).isNotBlank();
                }
            });
            long unavailable = underFault.stream().filter(c -> c.status() == 503).count();
            assertThat(unavailable).as("the outage was met").isPositive();
            assertThat(afterwards).as("recovered without a restart: " + node.logTail())
                    .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 409));
            assertThat(node.alive()).isTrue();

            List<Command> all = new ArrayList<>(underFault);
            all.addAll(afterwards);
            Map<String, Long> events = audit.eventsByRequest(all);
            List<Command> accepted = all.stream().filter(Command::accepted).toList();
            assertThat(accepted).allSatisfy(c -> assertThat(events.get(c.requestId())).as(c.toString()).isEqualTo(1L));
            assertThat(events.values()).as("no command stored twice").allSatisfy(n -> assertThat(n).isEqualTo(1L));
            LogAudit.Exactness exactness = audit.afterCatchingUp(Duration.ofSeconds(120));
            assertThat(exactness.exact()).as(exactness.toString()).isTrue();
            awaitSignedHead(audit, exactness.leaves());
            Command last = visit(node, caseIds);
            assertThat(last.status()).isEqualTo(200);
            assertThat(node.api().get(LI, "/api/cases/" + last.caseId()).json().get("version").asLong())
                    .as("read-your-writes after the outage").isEqualTo(last.version());

            new Figures("3. PostgreSQL stopped (immediate) under load for " + OUTAGE.toSeconds() + " s, then started")
                    .put("requests", all.size() + 1)
                    .put("faults", "1 database stop -m immediate + start")
                    .put("accepted", accepted.size())
                    .put("503 with Retry-After", unavailable)
                    .put("of those stored anyway", underFault.stream().filter(c -> c.status() == 503
                            && events.containsKey(c.requestId())).count())
                    .put("500 or no answer", 0)
                    .put("slowest answer ms", all.stream().mapToLong(Command::millis).max().orElse(0))
                    .put("health DOWN after ms", healthDownMillis)
                    .put("events checked", exactness.events())
                    .put("lost", accepted.stream().filter(c -> !events.containsKey(c.requestId())).count())
                    .put("doubled", events.values().stream().filter(n -> n > 1).count()
                            + exactness.historyDoubled() + exactness.leavesDoubled())
                    .write();
        }
    }

    private static Command visit(RegistryNode node, List<String> caseIds) {
        String caseId = caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size()));
        return Command.post(node, LI, caseId, "/api/cases/" + caseId + "/visits", CaseSteps.visit(CaseSteps.today()),
                null);
    }

    private static ApiClient.Answer awaitHealth(RegistryNode node, int status) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        ApiClient.Answer health;
        do {
            health = node.api().send(node.api().request(null, "/actuator/health").timeout(Command.ANSWER_TIMEOUT).GET());
        } while (health.status() != status && System.nanoTime() < deadline);
        assertThat(health.status()).as(health.body()).isEqualTo(status);
        return health;
    }

    /** The tree-head signer runs every 2 s; after the outage it signs the whole log again. */
    private static void awaitSignedHead(LogAudit audit, long leaves) throws InterruptedException {
        Await.until("a tree head of " + leaves + " leaves signed", Duration.ofSeconds(30),
                () -> audit.count("SELECT coalesce(max(tree_size), 0) FROM tree_head") >= leaves);
        assertThat(audit.count("SELECT coalesce(max(tree_size), 0) FROM tree_head")).as("latest signed tree head")
                .isEqualTo(leaves);
    }
}
