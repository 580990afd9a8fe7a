package org.childprotection.registry.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each log by its API name, and each log's heads signed over a message of its own. */
class MerkleLogKindTest {

    @Test
    void the_logs_are_found_by_their_api_names_and_any_other_name_is_refused_naming_both() {
        assertThat(MerkleLogKind.named("events")).isEqualTo(MerkleLogKind.EVENTS);
        assertThat(MerkleLogKind.named("access-log")).isEqualTo(MerkleLogKind.ACCESS_LOG);
        assertThatThrownBy(() -> MerkleLogKind.named("ACCESS_LOG")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No log named ACCESS_LOG; the logs are events and access-log");
    }

    @Test
    void an_access_log_head_is_signed_under_its_own_context_line_an_event_head_as_before() {
        byte[] root = HexFormat.of().parseHex("00".repeat(31) + "ff");
        Instant at = Instant.parse("2026-03-01T02:00:00.120Z");
        String rest = "\n5\n" + "00".repeat(31) + "ff\n2026-03-01T02:00:00.120Z";

        assertThat(new String(MerkleLogKind.ACCESS_LOG.headMessage(5, root, at), StandardCharsets.UTF_8))
                .isEqualTo("child-protection-registry/access-log-tree-head/v1" + rest);
        assertThat(new String(MerkleLogKind.EVENTS.headMessage(5, root, at), StandardCharsets.UTF_8))
                .isEqualTo("child-protection-registry/tree-head/v1" + rest)
                .isEqualTo(new String(TreeHead.message(5, root, at), StandardCharsets.UTF_8));
    }
}
