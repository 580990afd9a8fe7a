package org.childprotection.registry.api.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bodies made from a valid one: a value replaced by an odd one, a field removed, a field added, the whole body
 * replaced; and at the byte level, truncated or broken JSON, duplicate keys, other encodings and enormous bodies.
 */
final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Mutations() {
    }

    static Arbitrary<byte[]> of(JsonNode valid) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(valid).map(Mutations::bytes)),
                net.jqwik.api.Tuple.of(5, replaced(valid).map(Mutations::bytes)),
                net.jqwik.api.Tuple.of(3, removed(valid).map(Mutations::bytes)),
                net.jqwik.api.Tuple.of(2, added(valid).map(Mutations::bytes)),
                net.jqwik.api.Tuple.of(1, OddValues.values().map(Mutations::bytes)),
                net.jqwik.api.Tuple.of(3, raw(bytes(valid))));
    }

    /** Broken at the byte level. */
    static Arbitrary<byte[]> raw(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, Math.max(0, valid.length - 1))
                        .map(n -> java.util.Arrays.copyOf(valid, n)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.of("", "{", "}", "[]", "null", "\"text\"", "{\"a\":}", "{'single': 'quotes'}",
                        "{\"x\": NaN}", "{\"x\": 1e99999}", "{\"x\": 0x10}", "{\"x\": 01}", "/* comment */ {}",
                        "{\"child\": {}, \"child\": 1}", "\ufeff{}", "\u0000").map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(text.replaceFirst("\\{", "{\"reason\": \"a\", \"reason\": \"b\", ")
                        .getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(text.getBytes(StandardCharsets.UTF_16)),
                Arbitraries.just(new byte[]{(byte) 0xC0, (byte) 0xAF, (byte) 0xFF, (byte) 0xFE}),
                Arbitraries.integers().between(600, 5_000).map(n -> ("[".repeat(n) + "]".repeat(n))
                        .getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(60_000, 200_000).map(n -> ("{\"reason\": \"" + "x".repeat(n) + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<JsonNode> replaced(JsonNode valid) {
        List<String> paths = paths(valid);
        return Combinators.combine(Arbitraries.of(paths), OddValues.values())
                .as((path, value) -> with(valid, path, value));
    }

    private static Arbitrary<JsonNode> removed(JsonNode valid) {
        return Arbitraries.of(paths(valid)).map(path -> with(valid, path, null));
    }

    private static Arbitrary<JsonNode> added(JsonNode valid) {
        List<String> objects = new ArrayList<>(List.of(""));
        paths(valid).stream().filter(p -> valid.at(p).isObject()).forEach(objects::add);
        return Combinators.combine(Arbitraries.of(objects), OddValues.strings(), OddValues.values())
                .as((path, name, value) -> {
                    JsonNode copy = valid.deepCopy();
                    ((ObjectNode) copy.at(path)).set(name, value);
                    return copy;
                });
    }

    /** A copy with the value at {@code path} replaced, or removed when {@code value} is null. */
    private static JsonNode with(JsonNode valid, String path, JsonNode value) {
        JsonNode copy = valid.deepCopy();
        int slash = path.lastIndexOf('/');
        ContainerNode<?> parent = (ContainerNode<?>) copy.at(path.substring(0, slash));
        String key = path.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(key);
            } else {
                object.set(key, value);
            }
        } else {
            ArrayNode array = (ArrayNode) parent;
            if (value == null) {
                array.remove(Integer.parseInt(key));
            } else {
                array.set(Integer.parseInt(key), value);
            }
        }
        return copy;
    }

    /** JSON pointers of every value inside the body. */
    static List<String> paths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths.isEmpty() ? List.of("/reason") : paths;
    }

    private static void collect(JsonNode node, String at, List<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = at + "/" + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(at + "/" + i);
                collect(node.get(i), at + "/" + i, paths);
            }
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
