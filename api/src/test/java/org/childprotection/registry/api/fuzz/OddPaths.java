package org.childprotection.registry.api.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Path segments and query strings: random and encoded ids, traversal, and odd query parameter values. */
final class OddPaths {

    /** The query endpoints of docs/api.md (and the operational ones) with the parameters each reads. */
    static final Map<String, List<String>> QUERIES = Map.ofEntries(
            Map.entry("/api/cases", List.of("villageCode", "status", "riskLevel", "caseworker", "overdue", "page",
                    "size")),
            Map.entry("/api/cases/{id}", List.of("asOf")),
            Map.entry("/api/cases/{id}/history", List.of()),
            Map.entry("/api/cases/{id}/proof", List.of()),
            Map.entry("/api/audit/events", List.of("actor", "type", "villageCode", "from", "to", "page", "size")),
            Map.entry("/api/audit/access-log", List.of("caseId", "actor", "from", "to", "page", "size")),
            Map.entry("/api/statistics", List.of("villageCode", "from", "to")),
            Map.entry("/api/processors", List.of()),
            Map.entry("/api/integrity", List.of()),
            Map.entry("/api/integrity/verify", List.of()),
            Map.entry("/api/integrity/consistency", List.of("from", "to")),
            Map.entry("/actuator/health", List.of()),
            Map.entry("/actuator/prometheus", List.of()),
            Map.entry("/v3/api-docs", List.of()),
            Map.entry("/swagger-ui.html", List.of()));

    private OddPaths() {
    }

    /** A path segment standing where an id goes: encoded random text, traversal, encoded separators. */
    static Arbitrary<String> segment() {
        return Arbitraries.oneOf(
                OddValues.strings().map(OddPaths::encode).filter(OddPaths::fitsTheRequestLine),
                Arbitraries.of("..", ".", "%2e%2e", "%2E", "%2F", "%2f..%2f", "..%2F..%2Fetc%2Fpasswd", "%5C", "%00",
                        "x%00y", ";", "x;jsessionid=1", "%3B", "%25", "%ff", "%C0%AF", "%u0041", "~", "-", "_",
                        "00000000-0000-0000-0000-000000000000", "case-files", "merkle-log", "case-history",
                        "1", "-1", "9223372036854775808", "%20", "+", "%E4%B8%AD", "x".repeat(2000)),
                Arbitraries.strings().alpha().numeric().withChars("-").ofMinLength(1).ofMaxLength(64));
    }

    /** A query string for {@code parameters}: some of them, each with a plausible or an odd value. */
    static Arbitrary<String> query(List<String> parameters) {
        if (parameters.isEmpty()) {
            return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("?x=1"), Arbitraries.just("?"));
        }
        Arbitrary<String> value = Arbitraries.oneOf(
                OddValues.strings().filter(s -> fitsTheRequestLine(encode(s))),
                Arbitraries.of("0", "1", "-1", "20", "1000000", "2147483648", "9223372036854775808", "true", "false",
                        "110101", "110101001", "RED", "EMERGENCY", "REPORTED", "RiskAssessed", "li.caseworker",
                        "2026-01-01T00:00:00Z", "2026-01-01", "2100-01-01T00:00:00Z", "0000-01-01T00:00:00Z"));
        return Combinators.combine(Arbitraries.of(parameters).list().ofMaxSize(parameters.size() + 1),
                        value.list().ofSize(parameters.size() + 1))
                .as((names, values) -> {
                    StringBuilder query = new StringBuilder();
                    for (int i = 0; i < names.size(); i++) {
                        query.append(i == 0 ? "?" : "&").append(names.get(i)).append('=').append(encode(values.get(i)));
                    }
                    return query.toString();
                });
    }

    /**
     * Tomcat refuses a request line over 8 KB before any application code runs, by closing the connection (a
     * client still sending a body sees no answer at all); such requests test Tomcat, not the registry.
     */
    static boolean fitsTheRequestLine(String encoded) {
        return encoded.length() <= 1200;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String join(List<String> segments) {
        return segments.stream().collect(Collectors.joining("/", "/", ""));
    }
}
