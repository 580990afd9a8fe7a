package org.childprotection.registry.reliability;

import org.childprotection.registry.api.support.ApiClient;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * One command sent to one node and what became of it. Each carries its own {@code X-Request-Id}, which the
 * registry writes into the metadata of every event the command causes: that is how the log is checked against
 * the answers, command by command.
 */
record Command(String node, String requestId, String caseId, int status, String rule, String retryAfter,
               long version, long millis, String failure) {

    /** The longest a client waits for an answer; an answer that takes longer counts as a hang. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    static Command post(RegistryNode node, String user, String caseId, String path, Object body, String ifMatch) {
        String requestId = "rel-" + UUID.randomUUID();
        HttpRequest.Builder request = node.api().request(user, path).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        long start = System.nanoTime();
        try {
            ApiClient.Answer answer = node.api().send(request);
            long millis = (System.nanoTime() - start) / 1_000_000;
            boolean ok = answer.status() / 100 == 2;
            String id = caseId != null ? caseId : ok ? answer.json().path("caseId").asText() : null;
            String rule = ok || !answer.body().startsWith("{") ? null : answer.json().path("rule").asText(null);
            return new Command(node.name(), requestId, id, answer.status(), rule, answer.header("Retry-After"),
                    ok ? answer.json().path("version").asLong() : -1, millis, null);
        } catch (AssertionError e) {
            // no answer at all: the node was killed, or the answer took longer than ANSWER_TIMEOUT
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Command(node.name(), requestId, caseId, -1, null, null, -1,
                    (System.nanoTime() - start) / 1_000_000, cause.getClass().getSimpleName());
        }
    }

    boolean accepted() {
        return status == 200 || status == 201;
    }

    boolean answered() {
        return status > 0;
    }
}
