package org.childprotection.registry.integrity;

import org.childprotection.registry.testsupport.AccessLogTampering;
import org.childprotection.registry.testsupport.Await;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access log's own Merkle log: its leaves' bytes and order, one appender at a time, its heads, its verification. */
@QuerySideTest
class AccessLogMerkleLogTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AccessLogAppender appender;
    @Autowired
    CanonicalAccessLog rows;
    @Autowired
    @Qualifier(MerkleLogKind.ACCESS_LOG_NAME)
    MerkleLogStore accessLog;
    @Autowired
    @Qualifier(MerkleLogKind.ACCESS_LOG_NAME)
    TreeHeads accessHeads;
    @Autowired
    TreeHeads eventHeads;
    @Autowired
    IntegrityVerifier verifier;
    @Autowired
    SigningKey key;

    @Test
    void a_row_s_canonical_bytes_are_its_columns_but_tx_id_in_key_order_nulls_left_out_time_to_the_microsecond() {
        String caseId = "bytes-" + UUID.randomUUID();
        long id = jdbc.queryForObject("""
                INSERT INTO access_log (accessed_at, username, role, case_ids, resource, request_id, client_address,
                                        detail)
                VALUES ('2026-03-01 10:00:00.123456+08', 'chen.oversight', 'OVERSIGHT', ARRAY['c-0', ?], 'CASELOAD',
                        'r-"1"', '192.0.2.7', '{"page": 0, "filter": {"colour": "RED", "name": "王"}}')
                RETURNING id""", Long.class, caseId);

        CanonicalAccess row = rows.ofCase(caseId).get(0);

        String expected = "{\"accessedAt\":\"2026-03-01T02:00:00.123456Z\",\"caseIds\":[\"c-0\",\"" + caseId + "\"],"
                + "\"clientAddress\":\"192.0.2.7\",\"detail\":{\"filter\":{\"colour\":\"RED\",\"name\":\"王\"},\"page\":0},"
                + "\"id\":" + id + ",\"requestId\":\"r-\\\"1\\\"\",\"resource\":\"CASELOAD\",\"role\":\"OVERSIGHT\","
                + "\"username\":\"chen.oversight\"}";
        assertThat(new String(row.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(row.leafHash()).isEqualTo(MerkleTree.leafHash(expected.getBytes(StandardCharsets.UTF_8)));
        var exported = row.members().deepCopy().put("leafIndex", 7).put("leafHash", "00");
        assertThat(CanonicalAccess.of(exported).bytes()).as("an export line's row, its proof left out")
                .isEqualTo(row.bytes());
    }

    @Test
    void settled_rows_become_leaves_once_each_in_settled_order_with_two_appenders_and_none_passes_an_open_transaction()
            throws Exception {
        long held;
        List<Long> later = new ArrayList<>();
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            held = insertOn(open, "held-" + UUID.randomUUID());
            for (int i = 0; i < 20; i++) {
                later.add(read("later-" + i));
            }
            appendTwiceAtOnce();
            assertThat(accessLog.leafHashes(later)).as("no row behind the open transaction").isEmpty();
            assertThat(accessLog.leafOf(held)).isEmpty();
            open.commit();
        }
        Await.until("every row settled and appended", Duration.ofSeconds(30), () -> {
            appendTwiceAtOnce();
            return accessLog.size() == jdbc.queryForObject("SELECT count(*) FROM access_log", Long.class);
        });

        List<Long> settledOrder = jdbc.queryForList("SELECT id FROM access_log ORDER BY tx_id, id", Long.class);
        List<MerkleLogStore.Leaf> leaves = accessLog.all();
        assertThat(leaves).extracting(MerkleLogStore.Leaf::position).containsExactlyElementsOf(settledOrder);
        assertThat(leaves).extracting(MerkleLogStore.Leaf::leafIndex)
                .containsExactlyElementsOf(IntStream.range(0, leaves.size()).mapToObj(Long::valueOf).toList());
        assertThat(accessLog.leafOf(held).orElseThrow().leafIndex())
                .isLessThan(accessLog.leafOf(later.get(0)).orElseThrow().leafIndex());
        List<String> recomputed = new ArrayList<>();
        rows.inSettledOrder(row -> recomputed.add(HexFormat.of().formatHex(row.leafHash())));
        assertThat(leaves).extracting(l -> HexFormat.of().formatHex(l.leafHash())).containsExactlyElementsOf(recomputed);
        assertThat(MerkleTree.root(accessLog.nodes(), leaves.size()))
                .isEqualTo(MerkleTree.root(MerkleTree.inMemory(leaves.stream().map(MerkleLogStore.Leaf::leafHash)
                        .toList()), leaves.size()));
    }

    @Test
    void access_log_heads_are_signed_under_their_own_context_and_verify_names_a_changed_or_deleted_row()
            throws Exception {
        long first = read("verified-" + UUID.randomUUID());
        long target = read("verified-" + UUID.randomUUID());
        long last = read("verified-" + UUID.randomUUID());
        Await.until("the rows settled and appended", Duration.ofSeconds(30), () -> {
            appender.appendSettled();
            return accessLog.leafOf(last).isPresent();
        });
        long eventHeadsBefore = eventHeads.all().size();

        TreeHead head = accessHeads.signLatest().orElseThrow();

        assertThat(head.treeSize()).isEqualTo(accessLog.size());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_tree_head WHERE tree_size = ?", Long.class,
                head.treeSize())).isOne();
        assertThat(eventHeads.all()).as("the event log's heads are its own").hasSize((int) eventHeadsBefore);
        String message = "child-protection-registry/access-log-tree-head/v1\n" + head.treeSize() + "\n"
                + HexFormat.of().formatHex(head.rootHash()) + "\n" + TreeHead.format(head.timestamp());
        assertThat(Ed25519Keys.verify(key.publicKey(), message.getBytes(StandardCharsets.UTF_8), head.signature())).isTrue();
        assertThat(Ed25519Keys.verify(key.publicKey(), head.message(), head.signature()))
                .as("never valid as an event-log head").isFalse();

        IntegrityVerifier.Result clean = verifier.verify(key.publicKey());
        assertThat(clean.verified()).as(clean.toString()).isTrue();
        assertThat(clean.accessLog().checkedEntries()).isEqualTo(accessLog.size());
        assertThat(accessLog.leafOf(first)).isPresent();

        AccessLogTampering tampering = new AccessLogTampering(jdbc);
        try (AutoCloseable undo = tampering.change(target)) {
            assertCaughtAt(target, "access-log row " + target + " was changed after it was logged");
        }
        try (AutoCloseable undo = tampering.delete(target)) {
            assertCaughtAt(target, "access-log row " + target + " was deleted from the access log");
        }
        assertThat(verifier.verify(key.publicKey()).verified()).isTrue();
    }

    @Test
    void the_appender_stops_rather_than_append_past_a_removed_last_row() throws Exception {
        long last = read("last-" + UUID.randomUUID());
        Await.until("the row settled and appended", Duration.ofSeconds(30), () -> {
            appender.appendSettled();
            return accessLog.leafOf(last).isPresent();
        });
        try (AutoCloseable undo = new AccessLogTampering(jdbc).delete(last)) {
            long size = accessLog.size();
            long after = read("after-" + UUID.randomUUID());

            assertThatThrownBy(appender::appendSettled).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("access-log row " + last + ", the last one the Merkle log holds");
            assertThat(accessLog.size()).isEqualTo(size);
            assertThat(accessLog.leafOf(after)).isEmpty();
        }
    }

    private void assertCaughtAt(long id, String detail) {
        IntegrityVerifier.Result result = verifier.verify(key.publicKey());
        assertThat(result.verified()).as(result.toString()).isFalse();
        assertThat(result.accessLog().verified()).isFalse();
        assertThat(result.accessLog().firstBadPosition()).isEqualTo(id);
        assertThat(result.accessLog().detail()).isEqualTo(detail);
        assertThat(result.firstBadPosition()).as("the event log is untouched").isNull();
    }

    private void appendTwiceAtOnce() {
        CompletableFuture<?>[] appenders = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.runAsync(() -> {
            for (int run = 0; run < 5; run++) {
                appender.appendSettled();
            }
        })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(appenders).join();
        appender.appendSettled();
    }

    private long read(String caseId) {
        return jdbc.queryForObject("INSERT INTO access_log (accessed_at, username, role, case_id, resource) "
                + "VALUES (now(), 'li.caseworker', 'CASEWORKER', ?, 'CASE_FILE') RETURNING id", Long.class, caseId);
    }

    private static long insertOn(Connection connection, String caseId) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO access_log (accessed_at, username, "
                + "role, case_id, resource) VALUES (now(), 'li.caseworker', 'CASEWORKER', ?, 'CASE_FILE') RETURNING id")) {
            insert.setString(1, caseId);
            try (var rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
