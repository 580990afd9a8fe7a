package org.childprotection.registry.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.WANG;

/**
 * Scenarios 1, 4 and 2 of the fault suite, on one registry of two API processes sharing a database, each writing
 * the projections of the commands it takes in their own transactions: both take commands at the same moment; 50 writers race on one case; then
 * {@code kill -9} of a node in the middle of a burst of commands, and of a node and a projection rebuild in the
 * middle of the rebuild. After the restarts every command answered with success is in the log, the projections
 * and the Merkle log hold exactly the log, and no row is doubled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOneDatabaseTest {

    static final Size SIZE = Size.current();

    Workspace workspace;
    ScratchDatabase database;
    RegistryNode a;
    RegistryNode b;
    JdbcTemplate jdbc;
    LogAudit audit;
    final List<String> caseIds = new ArrayList<>();

    @BeforeAll
    void twoNodes() {
        workspace = new Workspace("two-nodes");
        database = ScratchDatabase.create();
        jdbc = database.jdbc();
        audit = new LogAudit(jdbc);
        // each node writes the projections of the commands it takes; one of them appends the Merkle log, and a killed
        // node's claim on it lapses after 3 s instead of 10 s, only to keep the run short
        String[] sharing = {"--axon.eventhandling.tokenstore.claim-timeout=3s"};
        a = RegistryNode.start("node-a", workspace.dir(), database, sharing);
        b = RegistryNode.start("node-b", workspace.dir(), database, sharing);
    }

    @AfterAll
    void cleanUp() {
        try (Workspace w = workspace; ScratchDatabase d = database; RegistryNode first = a; RegistryNode second = b) {
            // closed in reverse order: the nodes, then the database, then the directory
        }
    }

    @Test
    @Order(1)
    void scenario_1_commands_to_both_nodes_are_stored_once_projected_once_and_read_alike_from_either() {
        int cases = SIZE.times(12);
        int commands = SIZE.times(240);
        List<RegistryNode> nodes = List.of(a, b);
        long eventsBefore = audit.count("SELECT count(*) FROM domain_event_entry");

        List<Command> registrations = Load.inParallel(8, cases, i -> Command.post(nodes.get(i % 2), LI, null,
                "/api/cases", Registrations.valid(), null));
        List<String> registered = registrations.stream().filter(Command::accepted).map(Command::caseId).toList();
        assertThat(registered).hasSize(cases);
        // no waiting: each registration's case file was written with it, so either node finds it at once
        List<Command> visits = Load.inParallel(16, commands, i -> {
            String caseId = registered.get(ThreadLocalRandom.current().nextInt(registered.size()));
            return Command.post(nodes.get(i % 2), i % 3 == 0 ? WANG : LI, caseId, "/api/cases/" + caseId + "/visits",
                    CaseSteps.visit(CaseSteps.today()), null);
        });

        List<Command> all = new ArrayList<>(registrations);
        all.addAll(visits);
        assertThat(all).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 201, 409));
        assertThat(visits.stream().filter(c -> c.status() == 409)).allSatisfy(c ->
                assertThat(c.rule()).isEqualTo("concurrent-change"));
        List<Command> accepted = all.stream().filter(Command::accepted).toList();
        Map<String, Long> events = audit.eventsByRequest(all);
        assertThat(accepted).allSatisfy(c -> assertThat(events.get(c.requestId())).as(c.toString()).isEqualTo(1L));
        assertThat(all.stream().filter(c -> !c.accepted())).allSatisfy(c ->
                assertThat(events.get(c.requestId())).as("refused, so nothing written: " + c).isNull());
        assertThat(audit.missingAnsweredVersions(accepted)).isZero();

        LogAudit.Exactness exactness = audit.afterCatchingUp(Duration.ofSeconds(60));
        assertThat(exactness.exact()).as(exactness.toString()).isTrue();
        assertThat(exactness.events() - eventsBefore).as("the log holds the accepted commands and nothing else")
                .isEqualTo(accepted.size());

        List<String> owners = jdbc.queryForList("SELECT DISTINCT owner FROM token_entry "
                + "WHERE processor_name = 'merkle-log' AND owner IS NOT NULL", String.class);
        assertThat(owners).as("one node appends the Merkle log").hasSize(1);

        int reads = 0;
        for (String caseId : registered) {
            for (String path : List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/history")) {
                JsonNode fromA = a.api().get(CaseSteps.CHEN, path).json();
                JsonNode fromB = b.api().get(CaseSteps.CHEN, path).json();
                assertThat(fromB).as(path).isEqualTo(fromA);
                reads += 2;
            }
        }

        new Figures("1. two API instances on one database")
                .put("requests", all.size())
                .put("accepted", accepted.size())
                .put("refused 409 (concurrent change across nodes)", all.size() - accepted.size())
                .put("events checked", exactness.events())
                .put("history rows", exactness.historyRows())
                .put("Merkle leaves", exactness.leaves())
                .put("Merkle log appended by nodes", owners.size())
                .put("reads compared", reads)
                .put("lost", accepted.stream().filter(c -> events.get(c.requestId()) == null).count())
                .put("doubled", exactness.historyDoubled() + exactness.leavesDoubled()
                        + accepted.stream().filter(c -> events.getOrDefault(c.requestId(), 0L) > 1).count())
                .write();
    }

    @Test
    @Order(2)
    void scenario_4_fifty_writers_on_one_case_lose_nothing_and_every_refusal_writes_nothing() {
        int writers = 50;
        int rounds = SIZE.times(3);
        Command registration = Command.post(a, LI, null, "/api/cases", Registrations.valid(), null);
        assertThat(registration.status()).isEqualTo(201);
        String caseId = registration.caseId();
        List<RegistryNode> nodes = List.of(a, b);

        List<Command> all = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            all.addAll(Load.inParallel(writers, writers, i -> {
                RegistryNode node = nodes.get(i % 2);
                // half of the writers say which version they saw, as a client that read the case first would
                String etag = i % 2 == 0 ? null : node.api().get(LI, "/api/cases/" + caseId).header("ETag");
                return Command.post(node, i % 3 == 0 ? WANG : LI, caseId, "/api/cases/" + caseId + "/visits",
                        CaseSteps.visit(CaseSteps.today()), etag);
            }));
        }

        assertThat(all).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 409, 412));
        List<Command> accepted = all.stream().filter(Command::accepted).toList();
        List<Command> refused = all.stream().filter(c -> !c.accepted()).toList();
        Map<String, Long> events = audit.eventsByRequest(all);
        assertThat(accepted).allSatisfy(c -> assertThat(events.get(c.requestId())).as(c.toString()).isEqualTo(1L));
        assertThat(refused).allSatisfy(c -> assertThat(events.get(c.requestId())).as(c.toString()).isNull());
        assertThat(accepted.stream().map(Command::version).distinct().count())
                .as("each accepted command got its own version").isEqualTo(accepted.size());
        long caseEvents = audit.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", caseId);
        assertThat(caseEvents).as("the registration and the accepted visits, nothing else").isEqualTo(1 + accepted.size());
        LogAudit.Exactness exactness = audit.afterCatchingUp(Duration.ofSeconds(60));
        assertThat(exactness.exact()).as(exactness.toString()).isTrue();

        Map<Integer, Long> byStatus = all.stream().collect(Collectors.groupingBy(Command::status, Collectors.counting()));
        new Figures("4. contention: " + writers + " writers on one case x " + rounds + " rounds")
                .put("requests", all.size())
                .put("accepted", byStatus.getOrDefault(200, 0L))
                .put("409", byStatus.getOrDefault(409, 0L))
                .put("412", byStatus.getOrDefault(412, 0L))
                .put("events of the case checked", caseEvents)
                .put("lost", accepted.stream().filter(c -> events.get(c.requestId()) == null).count())
                .put("written by a refused command", refused.stream().filter(c -> events.containsKey(c.requestId())).count())
                .write();
    }

    @Test
    @Order(3)
    void scenario_2a_a_node_killed_during_a_burst_loses_no_accepted_command() throws Exception {
        for (Command registration : Load.inParallel(4, SIZE.times(10), i -> Command.post(i % 2 == 0 ? a : b, LI, null,
                "/api/cases", Registrations.valid(), null))) {
            assertThat(registration.status()).as(registration.toString()).isEqualTo(201);
            caseIds.add(registration.caseId());
        }
        audit.afterCatchingUp(Duration.ofSeconds(60));
        int commands = SIZE.times(200);
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<Void> crash = CompletableFuture.runAsync(() -> {
            Await.until("a third of the commands answered", Duration.ofSeconds(60), () -> answered.get() >= commands / 3);
            a.kill();
            a.start();
        });

        List<Command> burst = Load.inParallel(12, commands, i -> {
            Command c = visit(i % 2 == 0 ? a : b, i);
            answered.incrementAndGet();
            return c;
        });
        crash.get(180, TimeUnit.SECONDS);
        List<Command> afterRestart = Load.inParallel(4, SIZE.times(40), i -> visit(i % 2 == 0 ? a : b, i));

        List<Command> all = new ArrayList<>(burst);
        all.addAll(afterRestart);
        assertThat(burst).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 409, -1));
        assertThat(afterRestart).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 409));
        long unanswered = burst.stream().filter(c -> !c.answered()).count();
        assertThat(unanswered).as("the kill cut off requests in flight or sent to the dead node").isPositive();
        Outcome outcome = check(all);

        new Figures("2a. kill -9 of one of two API nodes during a burst, then restart")
                .put("requests", all.size())
                .put("faults", "1 SIGKILL after " + commands / 3 + " answers")
                .put("accepted", outcome.accepted())
                .put("refused 409", all.stream().filter(c -> c.status() == 409).count())
                .put("no answer (node killed)", unanswered)
                .put("of those stored anyway", outcome.unansweredStored())
                .put("events checked", outcome.exactness().events())
                .put("lost", outcome.lost())
                .put("doubled", outcome.doubled())
                .write();
    }

    @Test
    @Order(4)
    void scenario_2b_a_node_and_a_rebuild_killed_during_the_rebuild_resume_to_exactly_the_log() throws Exception {
        long events = audit.count("SELECT count(*) FROM domain_event_entry");
        JavaProcess rebuild = replayTools("rebuild-1.log", "rebuild", "case-history", "--batch-size", "5");
        Await.until("the rebuild's first batch applied", Duration.ofSeconds(90), () -> applied() > 0 || !rebuild.alive());
        a.kill();
        rebuild.kill();
        long appliedWhenKilled = applied();
        assertThat(appliedWhenKilled).as("killed halfway: " + rebuild.logTail()).isBetween(1L, events - 1);

        // the rebuild resumes while node-a restarts and node-b takes commands, writing them to the live history
        // (and, once the rebuild switches, to the switched-in one)
        JavaProcess resumed = replayTools("rebuild-2.log", "rebuild", "case-history", "--batch-size", "50");
        CompletableFuture<Void> restart = CompletableFuture.runAsync(a::start);
        List<Command> during = Load.inParallel(4, SIZE.times(20), i -> visit(b, i));
        restart.get(180, TimeUnit.SECONDS);
        List<Command> after = Load.inParallel(4, SIZE.times(40), i -> visit(i % 2 == 0 ? a : b, i));
        assertThat(resumed.waitFor(180)).as("the resumed rebuild ends").isTrue();
        assertThat(resumed.exitCode()).as(resumed.logTail()).isZero();
        assertThat(resumed.logTail()).contains("Resuming the rebuild of case-history after " + appliedWhenKilled);

        List<Command> all = new ArrayList<>(during);
        all.addAll(after);
        assertThat(all).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 409));
        Outcome outcome = check(all);

        new Figures("2b. kill -9 of an API node and of a history rebuild mid-rebuild, then restart and resume")
                .put("requests", all.size())
                .put("faults", "2 SIGKILL (API node, rebuild after " + appliedWhenKilled + " of " + events + " events)")
                .put("accepted", outcome.accepted())
                .put("events checked", outcome.exactness().events())
                .put("lost", outcome.lost())
                .put("doubled", outcome.doubled())
                .write();
    }

    record Outcome(long accepted, long lost, long doubled, long unansweredStored, LogAudit.Exactness exactness) {
    }

    /** Every accepted command has its one event; refused ones none; projections and Merkle log equal the log. */
    private Outcome check(List<Command> all) {
        Map<String, Long> events = audit.eventsByRequest(all);
        List<Command> accepted = all.stream().filter(Command::accepted).toList();
        assertThat(accepted).allSatisfy(c -> assertThat(events.get(c.requestId())).as(c.toString()).isEqualTo(1L));
        assertThat(all.stream().filter(c -> c.status() == 409)).allSatisfy(c ->
                assertThat(events.get(c.requestId())).as(c.toString()).isNull());
        assertThat(events.values()).as("no command stored twice").allSatisfy(n -> assertThat(n).isEqualTo(1L));
        assertThat(audit.missingAnsweredVersions(accepted)).isZero();
        LogAudit.Exactness exactness = audit.afterCatchingUp(Duration.ofSeconds(90));
        assertThat(exactness.exact()).as(exactness.toString()).isTrue();
        return new Outcome(accepted.size(), accepted.stream().filter(c -> !events.containsKey(c.requestId())).count(),
                events.values().stream().filter(n -> n > 1).count() + exactness.historyDoubled()
                        + exactness.leavesDoubled(),
                all.stream().filter(c -> !c.answered() && events.containsKey(c.requestId())).count(), exactness);
    }

    private Command visit(RegistryNode node, int i) {
        String caseId = caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size()));
        return Command.post(node, i % 3 == 0 ? WANG : LI, caseId, "/api/cases/" + caseId + "/visits",
                CaseSteps.visit(CaseSteps.today()), null);
    }

    private JavaProcess replayTools(String log, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of(database.springArguments()));
        return JavaProcess.start(JavaProcess.jar("reliability.replay-tools-jar"), workspace.dir(),
                workspace.dir().resolve(log), all.toArray(String[]::new));
    }

    private long applied() {
        Long applied = jdbc.query("SELECT events_applied FROM projection_rebuild WHERE projection = 'case-history'",
                rs -> rs.next() ? rs.getLong(1) : 0L);
        return applied == null ? 0 : applied;
    }
}
