package org.childprotection.registry.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical bytes exactly as docs/tamper-evident-log.md defines them. */
class CanonicalEventTest {

    @Test
    void members_in_key_order_documents_canonicalised_strings_escaped_as_jcs() {
        CanonicalEvent event = new CanonicalEvent(42, "e-1", "case-1", 3, "org.example.Visit", "1",
                "2026-03-01T02:00:00.000Z", "{\"role\": \"CASEWORKER\", \"actor\": \"li\"}",
                "{\"z\": [1, true, null], \"name\": \"王小明\\n\\t\\\"x\\\"\\\\\", \"ctl\": \"\\u0001\", \"a\": {}}");

        String canonical = new String(event.bytes(), StandardCharsets.UTF_8);

        assertThat(canonical).isEqualTo("{\"caseId\":\"case-1\",\"eventId\":\"e-1\",\"globalIndex\":42,"
                + "\"metadata\":{\"actor\":\"li\",\"role\":\"CASEWORKER\"},"
                + "\"payload\":{\"a\":{},\"ctl\":\"\\u0001\",\"name\":\"王小明\\n\\t\\\"x\\\"\\\\\",\"z\":[1,true,null]},"
                + "\"payloadRevision\":\"1\",\"payloadType\":\"org.example.Visit\",\"sequence\":3,"
                + "\"timestamp\":\"2026-03-01T02:00:00.000Z\"}");
        assertThat(HexFormat.of().formatHex(event.leafHash()))
                .isEqualTo(HexFormat.of().formatHex(MerkleTree.leafHash(canonical.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void a_missing_revision_is_null_and_fractions_are_refused() {
        CanonicalEvent event = new CanonicalEvent(1, "e", "c", 0, "T", null, "t", "{}", "{}");
        assertThat(new String(event.bytes(), StandardCharsets.UTF_8)).contains("\"payloadRevision\":null");

        CanonicalEvent fraction = new CanonicalEvent(1, "e", "c", 0, "T", null, "t", "{}", "{\"x\": 1.5}");
        assertThatThrownBy(fraction::bytes).isInstanceOf(IllegalArgumentException.class);
    }
}
