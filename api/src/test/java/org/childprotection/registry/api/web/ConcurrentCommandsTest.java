package org.childprotection.registry.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many commands on one case at the same moment: none is lost; each is stored or refused with 409/412. */
@RegistryApiTest
class ConcurrentCommandsTest {

    static final int CLIENTS = 24;

    @Autowired
    ApiClient api;

    @Test
    void every_accepted_command_is_in_the_history_and_every_other_was_refused_cleanly() throws Exception {
        String caseId = api.post("li.caseworker", "/api/cases", Registrations.valid()).json().get("caseId").asText();
        String today = CaseSteps.today().toString();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<ApiClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int n = i;
            Callable<ApiClient.Answer> visit = () -> api.post(n % 2 == 0 ? "li.caseworker" : "wang.supervisor",
                    "/api/cases/" + caseId + "/visits", Map.of("visitDate", today, "visitorRole", "CASEWORKER",
                            "childSeen", true, "observations", "并发走访 " + n, "concerns", List.of()));
            answers.add(pool.submit(visit));
        }
        List<ApiClient.Answer> results = new ArrayList<>();
        for (Future<ApiClient.Answer> answer : answers) {
            results.add(answer.get());
        }
        pool.shutdown();

        List<ApiClient.Answer> accepted = results.stream().filter(a -> a.status() == 200).toList();
        assertThat(results).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 409, 412));
        assertThat(accepted).isNotEmpty();
        assertThat(accepted.stream().map(a -> a.json().get("version").asLong()).distinct().count())
                .as("each accepted command got its own version").isEqualTo(accepted.size());

        // under this load the projections may take longer than a command's answer waits for them: wait for both
        Await.until("the history and the case file show every accepted visit", Duration.ofSeconds(20),
                () -> visits(caseId).size() >= accepted.size() && version(caseId) >= accepted.size());
        assertThat(visits(caseId)).hasSize(accepted.size()).doesNotHaveDuplicates();
        assertThat(version(caseId)).isEqualTo(accepted.size());
    }

    private long version(String caseId) {
        return api.get("li.caseworker", "/api/cases/" + caseId).json().get("version").asLong();
    }

    private List<String> visits(String caseId) {
        JsonNode events = api.get("chen.oversight", "/api/cases/" + caseId + "/history").json().get("events");
        List<String> observations = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("type").asText().equals("HomeVisitRecorded")) {
                observations.add(e.at("/data/observations").asText());
            }
        });
        return observations;
    }
}
