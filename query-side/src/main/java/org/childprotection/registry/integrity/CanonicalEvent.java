package org.childprotection.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical bytes of an event, the input of its Merkle leaf (docs/tamper-evident-log.md): the UTF-8 bytes
 * of one JSON object with exactly these members, keys in ascending order, no white space, strings escaped as
 * RFC 8785 (JCS) does, integers in plain decimal (events hold no fractions):
 * {@code caseId, eventId, globalIndex, metadata, payload, payloadRevision, payloadType, sequence, timestamp},
 * where {@code metadata} and {@code payload} are the stored JSON documents, canonicalised the same way, and
 * {@code timestamp} is the stored text.
 */
public record CanonicalEvent(long globalIndex, String eventId, String caseId, long sequence, String payloadType,
                             String payloadRevision, String timestamp, String metadataJson, String payloadJson)
        implements MerkleLogCheck.Logged {

    /** Its place in the event log, which its leaf names. */
    @Override
    public long position() {
        return globalIndex;
    }

    public byte[] bytes() {
        StringBuilder out = new StringBuilder(256 + payloadJson.length());
        out.append("{\"caseId\":");
        string(caseId, out);
        out.append(",\"eventId\":");
        string(eventId, out);
        out.append(",\"globalIndex\":").append(globalIndex);
        out.append(",\"metadata\":");
        value(parse(metadataJson), out);
        out.append(",\"payload\":");
        value(parse(payloadJson), out);
        out.append(",\"payloadRevision\":");
        if (payloadRevision == null) {
            out.append("null");
        } else {
            string(payloadRevision, out);
        }
        out.append(",\"payloadType\":");
        string(payloadType, out);
        out.append(",\"sequence\":").append(sequence);
        out.append(",\"timestamp\":");
        string(timestamp, out);
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] leafHash() {
        return MerkleTree.leafHash(bytes());
    }

    /** Writes any JSON value canonically (also used for the metadata and payload documents). */
    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        value(node, out);
        return out.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? EventJson.mapper().nullNode() : EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("An event's stored JSON cannot be read", e);
        }
    }

    private static void value(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(fields.get(i).getKey(), out);
                out.append(':');
                value(fields.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.asText(), out);
        } else if (node.isBoolean()) {
            out.append(node.asBoolean());
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else {
            throw new IllegalArgumentException("Events hold no fractional numbers; found " + node);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
