package org.childprotection.registry.api.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request headers: each demo user's credentials (mostly right, so that requests get past authentication), and
 * wrong ones; odd If-Match, Idempotency-Key, Content-Type, Accept and request ids. Values stay within what an HTTP
 * client can send and under the server's header size limit.
 */
final class OddHeaders {

    static final Map<String, String> DEMO_PASSWORDS = Map.of(
            "li.caseworker", "demo-li",
            "wang.supervisor", "demo-wang",
            "zhao.supervisor", "demo-zhao",
            "chen.oversight", "demo-chen",
            "ops.maintainer", "demo-ops");

    private OddHeaders() {
    }

    static Arbitrary<Map<String, String>> headers() {
        return headers(List.copyOf(DEMO_PASSWORDS.keySet()));
    }

    /** With the credentials of {@code users} most of the time. */
    static Arbitrary<Map<String, String>> headers(List<String> users) {
        return Combinators.combine(authorization(users), ifMatch(), idempotencyKey(), contentType(), accept(), requestId())
                .as((auth, ifMatch, key, type, accept, id) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    auth.ifPresent(v -> headers.put("Authorization", v));
                    ifMatch.ifPresent(v -> headers.put("If-Match", v));
                    key.ifPresent(v -> headers.put("Idempotency-Key", v));
                    type.ifPresent(v -> headers.put("Content-Type", v));
                    accept.ifPresent(v -> headers.put("Accept", v));
                    id.ifPresent(v -> headers.put("X-Request-Id", v));
                    return headers;
                });
    }

    static Arbitrary<Optional<String>> authorization(List<String> users) {
        Arbitrary<String> demoUser = Arbitraries.of(users)
                .map(user -> basic(user + ":" + DEMO_PASSWORDS.get(user)));
        Arbitrary<String> wrong = Arbitraries.oneOf(
                Arbitraries.of(DEMO_PASSWORDS.keySet().toArray(String[]::new)).map(user -> basic(user + ":wrong")),
                Arbitraries.of("Basic", "Basic ", "Basic !!!", "Basic ====", "Bearer abc.def.ghi", "Digest x", "",
                        basic("no-colon"), basic(":"), basic("li.caseworker:"), basic("LI.CASEWORKER:demo-li"),
                        "basic " + Base64.getEncoder().encodeToString("li.caseworker:demo-li".getBytes())),
                OddValues.strings().map(OddHeaders::printable).map(s -> basic(s + ":" + s)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, demoUser.map(Optional::of)),
                net.jqwik.api.Tuple.of(2, wrong.map(Optional::of)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.empty())));
    }

    static Arbitrary<Optional<String>> ifMatch() {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Arbitraries.just(Optional.empty()),
                Arbitraries.integers().between(-2, 12).map(v -> Optional.of("\"" + v + "\"")),
                Arbitraries.of("*", "W/\"1\"", "\"\"", "\"99999999999999999999\"", "\"1.5\"", "1", "\"1\", \"2\"",
                        "\"-9223372036854775808\"", "\"9223372036854775807\"", "\"0x1\"").map(Optional::of),
                OddValues.strings().map(OddHeaders::printable).map(Optional::of));
    }

    static Arbitrary<Optional<String>> idempotencyKey() {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Arbitraries.just(Optional.empty()),
                Arbitraries.of("fuzz-1", "fuzz-2", "fuzz-3").map(Optional::of),
                Arbitraries.strings().alpha().numeric().withChars("._:-").ofMinLength(1).ofMaxLength(100)
                        .map(Optional::of),
                Arbitraries.of("", " ", "x".repeat(101), "a b", "键", "../k", "k;1").map(Optional::of));
    }

    static Arbitrary<Optional<String>> contentType() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Optional.of("application/json"))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("application/json;charset=UTF-8",
                        "application/json; charset=UTF-16", "application/json; charset=nonsense",
                        "application/json; charset=ISO-8859-1", "application/problem+json", "application/*",
                        "text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data", "multipart/form-data; boundary=x", "application/octet-stream",
                        "*/*", "json", "garbage", "", "application/json; q=\"", "application/json;;;")
                        .map(Optional::of)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.empty())));
    }

    static Arbitrary<Optional<String>> accept() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Optional.empty())),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("*/*", "application/json", "application/problem+json",
                        "text/html", "application/xml", "image/png", "text/plain", "garbage", "application/json;q=0",
                        "*/*;q=0", "text/*", "application/*", "", "application/json, */*;q=0.1")
                        .map(Optional::of)));
    }

    static Arbitrary<Optional<String>> requestId() {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Arbitraries.just(Optional.empty()),
                OddValues.strings().map(OddHeaders::printable).map(s -> s.length() > 2000 ? s.substring(0, 2000) : s)
                        .map(Optional::of));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** Characters an HTTP client may put in a header value: visible ASCII and spaces. */
    private static String printable(String s) {
        StringBuilder kept = new StringBuilder();
        s.chars().filter(c -> c >= 0x20 && c < 0x7f).forEach(c -> kept.append((char) c));
        return kept.toString().strip();
    }
}
