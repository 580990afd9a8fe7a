package org.childprotection.registry.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.childprotection.registry.api.RegistryApplication;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;

/**
 * The whole registry, started once for the fuzzing properties on a database of its own, with cases in several
 * states to aim at. {@link #send} sends one generated request over real HTTP and checks what must hold for every
 * answer: never a 5xx; every refusal is problem+json; a refused request, or a replayed idempotent one, leaves the
 * event log exactly as it was (row count and highest global index).
 */
final class FuzzedRegistry {

    private static FuzzedRegistry instance;

    private static final ObjectMapper JSON = new ObjectMapper();

    final ConfigurableApplicationContext context;
    final CaseSteps steps;
    final JdbcTemplate jdbc;
    final String port;
    final List<String> caseIds;
    final String referralId;
    final String interventionId;
    final String eventId;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong logChecks = new AtomicLong();
    private final Map<Integer, Long> byStatus = new TreeMap<>();

    private FuzzedRegistry() {
        String[] database = UniqueTestDatabase.createForArguments();
        context = new SpringApplicationBuilder(RegistryApplication.class).run(Stream.concat(Stream.of(database),
                Stream.of("--spring.profiles.active=demo", "--server.port=0", "--server.address=127.0.0.1",
                        // the fuzzer sends all from 127.0.0.1, a fifth with wrong credentials: the sign-in throttle
                        // (SignInThrottleApiTest) would soon answer 429 to all, and nothing beyond it would be fuzzed
                        "--" + RegistryApiTest.NO_SIGN_IN_THROTTLE))
                .toArray(String[]::new));
        jdbc = context.getBean(JdbcTemplate.class);
        port = context.getEnvironment().getProperty("local.server.port");
        steps = new CaseSteps(new ApiClient(context.getEnvironment()), jdbc);
        CaseSteps.Case reported = steps.reported(LI, CaseSteps.freshVillage(LI_TOWNSHIP));
        CaseSteps.Case protectedCase = steps.underProtection(LI, CaseSteps.freshVillage(LI_TOWNSHIP));
        CaseSteps.Case requested = steps.closureRequested(LI, CaseSteps.freshVillage(LI_TOWNSHIP));
        CaseSteps.Case emergency = steps.emergency(LI, CaseSteps.freshVillage(LI_TOWNSHIP));
        referralId = steps.openReferral(LI, emergency);
        interventionId = steps.openIntervention(WANG, emergency);
        eventId = steps.eventId(reported, 0);
        caseIds = List.of(reported.id(), protectedCase.id(), requested.id(), emergency.id());
    }

    static synchronized FuzzedRegistry get() {
        if (instance == null) {
            instance = new FuzzedRegistry();
        }
        return instance;
    }

    static synchronized void stop() {
        if (instance != null) {
            instance.report();
            instance.context.close();
            instance = null;
        }
    }

    /** Sends the request and checks the invariants; answers the status. */
    int send(FuzzRequest request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                    .timeout(Duration.ofSeconds(60))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException notSendable) {
            // a header or path Java's client itself refuses to send: not a request the registry can receive
            return -1;
        }
        long[] before = log();
        HttpResponse<String> answer;
        try {
            answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("no answer to " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        long[] after = log();
        count(answer.statusCode());
        int status = answer.statusCode();
        assertThat(status).as("no 5xx: %s answered %s", request, answer.body()).isLessThan(500);
        if (status >= 400) {
            refused.incrementAndGet();
            logChecks.incrementAndGet();
            assertThat(after).as("a refused request leaves the log as it was: %s", request).isEqualTo(before);
            if (!request.method().equals("HEAD")) {
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .as("problem+json for %s, answered %s %s", request, status, answer.body())
                        .startsWith("application/problem+json");
                JsonNode problem = json(answer.body(), request);
                assertThat(problem.path("status").asInt()).as(answer.body()).isEqualTo(status);
                assertThat(answer.body()).doesNotContain("\tat ").doesNotContain("\"trace\"");
            }
        } else if (answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
            logChecks.incrementAndGet();
            assertThat(after).as("a replayed answer writes nothing: %s", request).isEqualTo(before);
        }
        return status;
    }

    /** The event log's row count and highest global index. */
    long[] log() {
        return jdbc.queryForObject("SELECT count(*), coalesce(max(global_index), 0) FROM domain_event_entry",
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)});
    }

    private synchronized void count(int status) {
        sent.incrementAndGet();
        byStatus.merge(status, 1L, Long::sum);
    }

    private void report() {
        ProjectionsAwait.caughtUp(context.getBean(Reconciliation.class));
        long[] log = log();
        System.out.printf("API fuzzing: %d requests sent, %d refused (each with the event log checked unchanged), "
                        + "%d log checks, answers by status %s; log now %d events, projections reconciled%n",
                sent.get(), refused.get(), logChecks.get(), byStatus, log[0]);
    }

    private static JsonNode json(String body, FuzzRequest request) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON, answering " + request + ": " + body, e);
        }
    }
}
