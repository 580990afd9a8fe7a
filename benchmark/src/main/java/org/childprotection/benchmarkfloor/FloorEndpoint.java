package org.childprotection.benchmarkfloor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One registration per request: the body bound by Jackson, then one event-shaped row (ids, type, the event as JSON,
 * its metadata as JSON) INSERTed in a transaction of its own, answered 201 with the API's {@code {caseId, version}}.
 * The table is the benchmark's, shaped like the event table (benchmark/src/main/resources/insert-event.sql).
 */
@RestController
class FloorEndpoint {

    static final String READY = "/ready";
    private static final String INSERT = """
            INSERT INTO floor.bench_floor_event (event_identifier, aggregate_identifier, sequence_number, type,
                time_stamp, payload_type, payload_revision, payload, meta_data)
            VALUES (?, ?, 0, 'ChildCase', ?, 'org.childprotection.registry.registration.ChildRegistered', '1', ?, ?)""";

    /** The event the row carries, shaped like the registry's ChildRegistered. */
    record Registered(String caseId, Registration.Child child, Registration.Parent father, Registration.Parent mother,
                      Registration.Report report, Instant registeredAt, String registeredBy) {
    }

    record Answer(String caseId, long version) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    FloorEndpoint(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @GetMapping(READY)
    String ready() {
        return "ready";
    }

    @PostMapping("/api/cases")
    ResponseEntity<Answer> register(@RequestBody Registration registration, Authentication user,
                                    HttpServletRequest request) throws JsonProcessingException {
        String caseId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        byte[] payload = json.writeValueAsBytes(new Registered(caseId, registration.child(), registration.father(),
                registration.mother(), registration.report(), now, user.getName()));
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("actor", user.getName());
        metadata.put("role", "CASEWORKER");
        metadata.put("jurisdictions", List.of("110101001"));
        metadata.put("requestId", requestId);
        metadata.put("correlationId", requestId);
        metadata.put("serverRequestId", UUID.randomUUID().toString());
        metadata.put("clientAddress", request.getRemoteAddr());
        byte[] meta = json.writeValueAsBytes(metadata);
        transactions.executeWithoutResult(status ->
                jdbc.update(INSERT, UUID.randomUUID().toString(), caseId, now.toString(), payload, meta));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(new Answer(caseId, 0));
    }
}
