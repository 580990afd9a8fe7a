package org.childprotection.registry.api.fuzz;

import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.Registrations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 8, fuzzing: generated request bodies, headers and paths for every endpoint of docs/api.md and the
 * operational ones, sent over real HTTP to the running registry. For every answer (see {@link FuzzedRegistry}):
 * no 5xx, every refusal problem+json, and no refused request changes the event log. Tries per property: the
 * {@code fuzz.tries} Maven property (150 in every build; {@code -Dfuzz.tries=20000} for a long run).
 */
class ApiFuzzTest {

    /** Who may send commands, so that most commands get past authorisation to the rules. */
    static final List<String> COMMANDERS = List.of(CaseSteps.LI, CaseSteps.WANG, CaseSteps.ZHAO);

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

    @BeforeContainer
    static void registryRunning() {
        FuzzedRegistry.get();
    }

    @AfterContainer
    static void stop() {
        FuzzedRegistry.stop();
    }

    @Property
    void commands_with_mutated_bodies_and_odd_headers(@ForAll("commands") FuzzRequest request) {
        FuzzedRegistry.get().send(request);
    }

    @Property
    void queries_with_odd_ids_and_parameters(@ForAll("queries") FuzzRequest request) {
        FuzzedRegistry.get().send(request);
    }

    @Property
    void any_method_on_odd_paths(@ForAll("paths") FuzzRequest request) {
        FuzzedRegistry.get().send(request);
    }

    @Provide
    Arbitrary<FuzzRequest> commands() {
        FuzzedRegistry registry = FuzzedRegistry.get();
        List<Arbitrary<FuzzRequest>> each = new ArrayList<>();
        each.add(Combinators.combine(Mutations.of(Registrations.valid()), OddHeaders.headers(COMMANDERS))
                .as((body, headers) -> new FuzzRequest("POST", "/api/cases", headers, body)));
        for (CaseSteps.Command command : CaseSteps.allCommands(registry.referralId, registry.interventionId,
                registry.eventId)) {
            each.add(Combinators.combine(caseId(registry), Mutations.of(command.body()),
                            OddHeaders.headers(COMMANDERS))
                    .as((id, body, headers) -> new FuzzRequest("POST", "/api/cases/" + id + "/" + command.path(),
                            headers, body)));
        }
        return Arbitraries.oneOf(each);
    }

    @Provide
    Arbitrary<FuzzRequest> queries() {
        FuzzedRegistry registry = FuzzedRegistry.get();
        return Arbitraries.of(List.copyOf(OddPaths.QUERIES.entrySet())).flatMap(endpoint ->
                Combinators.combine(caseId(registry), OddPaths.query(endpoint.getValue()), OddHeaders.headers())
                        .as((id, query, headers) -> new FuzzRequest("GET",
                                endpoint.getKey().replace("{id}", id) + query, headers, null)));
    }

    @Provide
    Arbitrary<FuzzRequest> paths() {
        FuzzedRegistry registry = FuzzedRegistry.get();
        List<String> templates = new ArrayList<>(OddPaths.QUERIES.keySet());
        templates.add("/api/cases/{id}/{command}");
        templates.add("/api/cases/{id}/referrals/{odd}/outcome");
        templates.add("/api/cases/{id}/interventions/{odd}/decision");
        Arbitrary<String> known = Combinators.combine(Arbitraries.of(templates), caseId(registry), OddPaths.segment(),
                        Arbitraries.of(commandPaths(registry)))
                .as((template, id, odd, command) -> template.replace("{id}", id).replace("{odd}", odd)
                        .replace("{command}", command));
        Arbitrary<String> random = Arbitraries.oneOf(OddPaths.segment(), Arbitraries.of("api", "cases", "actuator",
                        "..", "audit", "integrity", "processors", "v3", "swagger-ui", "error", ""))
                .list().ofMinSize(1).ofMaxSize(6).map(OddPaths::join);
        return Combinators.combine(Arbitraries.of(METHODS), Arbitraries.oneOf(known, random), OddHeaders.headers(),
                        Arbitraries.oneOf(Arbitraries.just((byte[]) null), Mutations.raw("{}".getBytes())))
                .as((method, path, headers, body) -> new FuzzRequest(method, path, headers,
                        method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") ? null : body));
    }

    /** Mostly a case that exists in the caseworker's township; sometimes any id at all. */
    private static Arbitrary<String> caseId(FuzzedRegistry registry) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(registry.caseIds)),
                net.jqwik.api.Tuple.of(2, OddPaths.segment()));
    }

    private static List<String> commandPaths(FuzzedRegistry registry) {
        return CaseSteps.allCommands(registry.referralId, registry.interventionId, registry.eventId).stream()
                .map(CaseSteps.Command::path).toList();
    }
}
