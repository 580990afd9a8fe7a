package org.childprotection.registry.projection;

import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.testsupport.Stories.assessed;
import static org.childprotection.registry.testsupport.Stories.registered;

@QuerySideTest
class CaseProjectionWaitTest {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired
    CaseEvents events;
    @Autowired
    CaseProjectionWait wait;
    @Autowired
    Reconciliation reconciliation;

    @Test
    void an_answer_waiting_before_the_event_is_stored_returns_once_both_projections_hold_it() throws Exception {
        String caseId = "wait-1";
        events.append(caseId, T0, registered(caseId, "110101001001", "li.caseworker", T0));
        ProjectionsAwait.caughtUp(reconciliation);

        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(
                () -> wait.awaitVersion(caseId, 1, Duration.ofSeconds(20)));
        events.append(caseId, T0.plusSeconds(60), assessed(caseId, RiskLevel.YELLOW, T0.plusSeconds(60)));

        assertThat(answer.get(25, TimeUnit.SECONDS)).isTrue();
        // what the answer promises: both projections hold the event (the Merkle log, also counted by the
        // reconciliation, is not waited for and may still be behind)
        Reconciliation.Result held = reconciliation.check();
        assertThat(held.caseFilesBehind()).isZero();
        assertThat(held.historyEventsMissing()).isZero();
    }

    @Test
    void a_version_that_never_comes_is_a_timeout_not_a_hang() {
        String caseId = "wait-2";
        events.append(caseId, T0, registered(caseId, "110101001001", "li.caseworker", T0));
        ProjectionsAwait.caughtUp(reconciliation);

        long start = System.nanoTime();
        boolean caughtUp = wait.awaitVersion(caseId, 5, Duration.ofMillis(300));

        assertThat(caughtUp).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    @Test
    void a_report_of_one_projection_alone_does_not_release_the_answer() {
        String caseId = "wait-3";
        events.append(caseId, T0, registered(caseId, "110101001001", "li.caseworker", T0));
        ProjectionsAwait.caughtUp(reconciliation);

        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(
                () -> wait.awaitVersion(caseId, 7, Duration.ofMillis(500)));
        reportUntilAnswered(answer, () -> wait.projected(CaseProjectionWait.Projected.CASE_FILE, Map.of(caseId, 7L)));

        assertThat(answer.join()).isFalse();
    }

    @Test
    void reports_of_both_projections_release_the_answer_without_the_tables() throws Exception {
        String caseId = "wait-4";
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(
                () -> wait.awaitVersion(caseId, 3, Duration.ofSeconds(20)));

        reportUntilAnswered(answer, () -> {
            wait.projected(CaseProjectionWait.Projected.HISTORY, Map.of(caseId, 3L));
            wait.projected(CaseProjectionWait.Projected.CASE_FILE, Map.of(caseId, 4L, "another-case", 9L));
        });

        assertThat(answer.get(25, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * A report reaches only answers already waiting, and the waiting thread may start late on a busy machine: the
     * report is repeated until the answer is given (as projections report every batch), never for longer than 25 s.
     */
    private static void reportUntilAnswered(CompletableFuture<Boolean> answer, Runnable report) {
        Await.until("the answer", Duration.ofSeconds(25), () -> {
            report.run();
            return answer.isDone();
        });
    }
}
