package org.childprotection.registry.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the next reads after a command's answer show the command (docs/api.md, Read-your-writes): the case file's
 * {@code version} and the last {@code sequence} of the case's history, read at once after the answer.
 */
final class ReadYourWrites {

    /** Each client checks one command in this many, its first among them. */
    static final int EVERY = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();

    void check(Api api, Api.Answer answer) throws Exception {
        JsonNode caseFile = JSON.readTree(api.get("/api/cases/" + answer.caseId()));
        JsonNode events = JSON.readTree(api.get("/api/cases/" + answer.caseId() + "/history")).get("events");
        long lastSequence = events.isEmpty() ? -1 : events.get(events.size() - 1).get("sequence").asLong();
        checked.incrementAndGet();
        if (caseFile.get("version").asLong() < answer.version() || lastSequence < answer.version()) {
            stale.incrementAndGet();
        }
    }

    long checked() {
        return checked.get();
    }

    long stale() {
        return stale.get();
    }
}
