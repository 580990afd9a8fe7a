package org.childprotection.registry.api.docs;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.Witness;
import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.SessionClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Flow;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.OPS;
import static org.childprotection.registry.api.support.CaseSteps.RECEIVING_COUNTY_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.SUN;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.ZHAO;
import static org.childprotection.registry.api.support.CaseSteps.assertProblem;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;
import static org.childprotection.registry.api.support.CaseSteps.today;

/**
 * The served /v3/api-docs tells the truth: every request and answer of a working day (a caseworker's, a
 * supervisor's, an oversight inspection) and of the common refusals is checked against the document the running
 * registry serves, by an independent validator (Atlassian's swagger-request-validator). An answer whose status,
 * media type or body the document does not describe fails the test, and so does a request the document would
 * not accept. Requests that are wrong on purpose (the refusals) are checked for their answer only. The walk uses
 * every operation the document lists, so that a new endpoint joins it.
 */
@RegistryApiTest
class OpenApiContractTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    private final List<String> findings = new ArrayList<>();
    private final TreeSet<String> seen = new TreeSet<>();
    /** Each operation of the document ("POST /api/cases/{caseId}/visits") and the paths it matches. */
    private final Map<String, Pattern> operations = new TreeMap<>();
    private final TreeSet<String> walked = new TreeSet<>();
    private OpenApiInteractionValidator validator;
    private boolean requestsOnPurposeWrong;

    @Test
    void every_answer_of_a_working_day_is_as_the_served_document_says() {
        ApiClient.Answer document = api.get(null, "/v3/api-docs");
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
        document.json().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.put(method.toUpperCase() + " " + path.getKey(),
                        Pattern.compile(path.getKey().replaceAll("\\{\\w+}", "[^/]+")))));
        CaseSteps steps = new CaseSteps(api.observedBy(this::check), jdbc);
        ApiClient checked = api.observedBy(this::check);

        caseworkersDay(steps, checked);
        consoleSession(steps, checked);
        supervisorsDay(steps, checked);
        inspection(steps, checked);
        refusals(steps, checked);

        assertThat(findings).as("answers the document does not describe").isEmpty();
        assertThat(seen).as("statuses checked").contains("201", "200", "400", "401", "403", "404", "409", "412");
        assertThat(walked).as("operations of the document the walk used: add a new one to it")
                .containsExactlyElementsOf(operations.keySet());
    }

    /** Registers, reads, assesses, visits, refers and records the outcome, and asks for closure. */
    private void caseworkersDay(CaseSteps steps, ApiClient checked) {
        Case c = steps.reported(LI, freshVillage(LI_TOWNSHIP));
        steps.file(LI, c);
        checked.get(LI, "/api/me");
        checked.get(LI, "/api/cases?villageCode=" + LI_TOWNSHIP + "&size=5");
        steps.ok(LI, c, "assessments", CaseSteps.assessment("YELLOW"));
        steps.ok(LI, c, "visits", CaseSteps.visit(today()));
        steps.ok(LI, c, "parental-contacts", CaseSteps.parentalContact(today()));
        steps.ok(LI, c, "guardian", CaseSteps.guardian());
        String referral = steps.openReferral(LI, c);
        steps.ok(LI, c, "referrals/" + referral + "/outcome", CaseSteps.referralOutcome("COMPLETED"));
        steps.ok(LI, c, "corrections", CaseSteps.correction(steps.eventId(c, 0), "child.name", "王晓明"));
        steps.ok(LI, c, "assessments", CaseSteps.assessment("GREEN"));
        steps.ok(LI, c, "closure", CaseSteps.closure("PARENTS_RETURNED"));
        steps.ok(WANG, c, "closure/decision", CaseSteps.closureDecision(true));
        steps.ok(ZHAO, c, "reopening", CaseSteps.reopening());
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        steps.ok(WANG, closed, "erasure", CaseSteps.erasure("COURT_ORDER"));
        steps.ok(CHEN, closed, "erasure/decision", CaseSteps.erasureDecision(true));
        steps.file(CHEN, closed);
    }

    /** The web console's way: signs in to a session, reads and writes in it with the CSRF token, signs out. */
    private void consoleSession(CaseSteps steps, ApiClient checked) {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        SessionClient session = checked.session();
        assertThat(session.signIn(LI).status()).isEqualTo(200);
        assertThat(session.get(c.path()).status()).isEqualTo(200);
        assertThat(session.post(c.path() + "/visits", CaseSteps.visit(today())).status()).isEqualTo(200);
        assertThat(session.signOut().status()).isEqualTo(204);
    }

    /**
     * Assigns, declares an emergency, goes to court and transfers (the receiving side lists it and accepts): every
     * supervisor-only command.
     */
    private void supervisorsDay(CaseSteps steps, ApiClient checked) {
        Case c = steps.underProtection(LI, freshVillage(LI_TOWNSHIP));
        steps.ok(WANG, c, "assignment", CaseSteps.assignment(ZHAO));
        steps.ok(LI, c, "emergency", CaseSteps.emergency());
        String intervention = steps.openIntervention(WANG, c);
        steps.ok(WANG, c, "interventions/" + intervention + "/decision", CaseSteps.courtDecision(true));
        steps.ok(WANG, c, "transfer", CaseSteps.transfer(freshVillage(RECEIVING_COUNTY_TOWNSHIP)));
        checked.get(WANG, "/api/transfers?direction=outgoing");
        assertThat(checked.get(SUN, "/api/transfers?direction=incoming&size=5").json().at("/items/0/caseId")
                .asText()).isNotBlank();
        steps.ok(SUN, c, "transfer/decision", CaseSteps.transferDecision(true));
    }

    /**
     * Oversight reads the history, the audit trail, the access log, the security events, the statistics and the
     * integrity proofs; the maintainer looks at the processors.
     */
    private void inspection(CaseSteps steps, ApiClient checked) {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        JsonNode history = steps.history(CHEN, c);
        assertThat(history.get(0).get("data").isObject()).as("the history's data is an object").isTrue();
        JsonNode trail = checked.get(CHEN, "/api/audit/events?villageCode=" + c.village()).json();
        assertThat(trail.at("/items/0/data").isObject()).as("the audit trail's data is an object: " + trail).isTrue();
        checked.get(CHEN, "/api/audit/access-log?caseId=" + c.id());
        checked.get(CHEN, "/api/audit/security-events?kind=SIGN_IN_FAILED&size=5");
        checked.get(CHEN, "/api/statistics?villageCode=" + LI_TOWNSHIP);
        checked.get(WANG, "/api/statistics");
        checked.get(WANG, "/api/privacy/due?size=5");
        long size = checked.get(CHEN, "/api/integrity").json().get("treeSize").asLong();
        checked.get(CHEN, "/api/integrity/verify");
        checked.get(CHEN, "/api/integrity/consistency?from=1&to=" + size);
        JsonNode head = checked.get("north.witness", "/api/integrity").json();
        checked.post("north.witness", "/api/integrity/cosignatures",
                Witness.cosignature(head, Witness.keys(), MerkleLogKind.EVENTS));
        checked.get(CHEN, c.path() + "/proof");
        checked.get(CHEN, c.path() + "?asOf=" + Instant.now());
        checked.get(OPS, "/api/processors");
    }

    private void refusals(CaseSteps steps, ApiClient checked) {
        Case c = steps.reported(LI, freshVillage(LI_TOWNSHIP));
        requestsOnPurposeWrong = true;
        assertProblem(steps.command(LI, c, "assessments", CaseSteps.assessment("PURPLE")), 400, "invalid-input");
        assertProblem(checked.get(null, "/api/cases"), 401, null);
        SessionClient session = checked.session();
        assertProblem(session.signIn(LI, "not-the-password"), 401, "authentication");
        session.signIn(LI);
        assertProblem(session.send(session.request(c.path() + "/visits").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CaseSteps.visit(today()).toString()))), 403, "csrf");
        assertProblem(checked.get(LI, "/api/audit/events"), 403, "role");
        assertProblem(steps.command(LI, c, "assignment", CaseSteps.assignment(LI)), 403, "role");
        assertProblem(checked.get(LI, "/api/cases/no-such-case"), 404, "case-not-found");
        assertProblem(steps.command(LI, c, "closure", CaseSteps.closure("PARENTS_RETURNED")), 409,
                "closure-needs-assessment");
        assertProblem(checked.send(checked.request(LI, c.path() + "/visits")
                .header("Content-Type", "application/json").header("If-Match", "\"" + (c.version() + 7) + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(CaseSteps.visit(today()).toString()))), 412, "stale-version");
        assertProblem(checked.send(checked.request(LI, c.path() + "/visits").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("a visit"))), 415, null);
    }

    private void check(HttpResponse<String> answer) {
        HttpRequest sent = answer.request();
        URI uri = sent.uri();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
        answer.headers().map().forEach(response::withHeader);
        answer.headers().firstValue("Content-Type").ifPresent(response::withContentType);
        ValidationReport report;
        Request.Method method = Request.Method.valueOf(sent.method());
        if (requestsOnPurposeWrong) {
            report = validator.validateResponse(uri.getRawPath(), method, response.build());
        } else {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
            sent.headers().map().forEach(request::withHeader);
            sent.headers().firstValue("Content-Type").ifPresent(request::withContentType);
            query(uri).forEach(p -> request.withQueryParam(p[0], p[1]));
            String body = body(sent);
            if (body != null) {
                request.withBody(body);
            }
            report = validator.validate(request.build(), response.build());
        }
        seen.add(String.valueOf(answer.statusCode()));
        operations.forEach((operation, path) -> {
            if (operation.startsWith(sent.method() + " ") && path.matcher(uri.getRawPath()).matches()) {
                walked.add(operation);
            }
        });
        report.getMessages().forEach(m -> findings.add(sent.method() + " " + uri.getRawPath() + " → "
                + answer.statusCode() + ": " + m.getKey() + " " + m.getMessage()));
    }

    private static List<String[]> query(URI uri) {
        List<String[]> parameters = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.add(new String[] {decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : ""});
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The body as sent: the client's publisher played once more into a string. */
    private static String body(HttpRequest request) {
        return request.bodyPublisher().filter(p -> p.contentLength() != 0).map(publisher -> {
            HttpResponse.BodySubscriber<String> text = HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
            publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    text.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    text.onNext(List.of(item));
                }

                @Override
                public void onError(Throwable throwable) {
                    text.onError(throwable);
                }

                @Override
                public void onComplete() {
                    text.onComplete();
                }
            });
            return text.getBody().toCompletableFuture().join();
        }).orElse(null);
    }
}
