package org.childprotection.registry.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.Registrations;
import org.childprotection.registry.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/erasure.md, proven by search, on the packaged jars: a child registered, visited and closed, then erased by
 * two people, is nowhere to be found afterwards — not in any column of any table of the database (bytes read as
 * UTF-8), not in the registry's log file, not in a fresh export — while the chain still verifies, a full rebuild
 * shows the case erased, and {@code as-of} a moment before the erasure shows it erased too (its key is gone).
 * A second child, not erased, is found by the same search: the search does look.
 */
class ErasureProofTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_erased_childs_data_is_in_no_table_no_log_and_no_export_and_the_chain_still_verifies() throws Exception {
        LocalDate birth = LocalDate.of(2012, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1500));
        String name = "欧阳" + cjk(2);
        String idNumber = Registrations.idNumber(birth);
        String observation = "孩子说夜里梦见妈妈回家了" + cjk(4);
        String otherName = "司马" + cjk(2);
        List<String> needles = List.of(name, idNumber, observation);
        try (Workspace workspace = new Workspace("erasure");
             ScratchDatabase database = ScratchDatabase.create()) {
            Path dir = workspace.dir();
            try (RegistryNode node = RegistryNode.start("api", dir, database)) {
                ApiClient api = node.api();
                String caseId = register(api, name, birth);
                register(api, otherName, birth.plusDays(1));
                ok(api, "li.caseworker", caseId, "assessments", JSON.createObjectNode().put("riskLevel", "GREEN")
                        .put("summary", "祖母照料尚可").set("factors", JSON.createArrayNode()));
                ObjectNode visit = JSON.createObjectNode().put("visitDate", CaseSteps.today().toString())
                        .put("visitorRole", "CASEWORKER").put("childSeen", true).put("observations", observation);
                visit.putArray("concerns");
                ok(api, "li.caseworker", caseId, "visits", visit);
                ok(api, "li.caseworker", caseId, "closure", JSON.createObjectNode().put("reason", "PARENTS_RETURNED"));
                ok(api, "wang.supervisor", caseId, "closure/decision", JSON.createObjectNode().put("approve", true));
                ok(api, "wang.supervisor", caseId, "erasure", JSON.createObjectNode().put("basis", "COURT_ORDER")
                        .put("reason", "法院裁定删除" + name + "的信息"));
                Await.aged(Duration.ofMillis(20));
                Instant beforeErasure = Instant.now();
                Await.aged(Duration.ofMillis(20));
                ok(api, "zhao.supervisor", caseId, "erasure/decision", JSON.createObjectNode().put("approve", true));
                JsonNode file = api.get("chen.oversight", "/api/cases/" + caseId).json();
                assertThat(file.get("erased").asBoolean()).isTrue();
                assertThat(erased(file.at("/child/name"))).isTrue();

                JdbcTemplate jdbc = database.jdbc();
                assertThat(found(jdbc, otherName)).as("the search finds a child who was not erased").isNotEmpty();
                assertThat(found(jdbc, name)).as("the erased child's name in the database").isEmpty();
                assertThat(found(jdbc, idNumber)).as("the erased child's ID number in the database").isEmpty();
                assertThat(found(jdbc, observation)).as("the visit's observations in the database").isEmpty();

                long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
                Await.until("a signed head over the whole log", Duration.ofSeconds(60), () -> jdbc.queryForObject(
                        "SELECT coalesce(max(tree_size), 0) FROM tree_head", Long.class) == events);
                Path export = dir.resolve("case.jsonl");
                assertThat(tool(dir, database, "export", "--case", caseId, "--with-proofs", "-o", export.toString()))
                        .isZero();
                String exported = Files.readString(export);
                assertThat(exported).contains(caseId, "\"sealed\"");
                needles.forEach(needle -> assertThat(exported).as("a fresh export").doesNotContain(needle));
                assertThat(tool(dir, database, "verify-export", export.toString(), "--public-key",
                        dir.resolve("tree-head-signing-key.pem.pub").toString())).isZero();
                assertThat(tool(dir, database, "verify", "--public-key",
                        dir.resolve("tree-head-signing-key.pem.pub").toString())).isZero();

                assertThat(tool(dir, database, "rebuild", "case-files")).isZero();
                JsonNode rebuilt = api.get("chen.oversight", "/api/cases/" + caseId).json();
                assertThat(rebuilt.get("erased").asBoolean()).isTrue();
                assertThat(erased(rebuilt.at("/child/name"))).isTrue();
                assertThat(rebuilt.get("status").asText()).isEqualTo("CLOSED");
                assertThat(api.get("chen.oversight", "/api/cases?villageCode=110101001001").body())
                        .contains(caseId).doesNotContain(name).contains(otherName);

                Path asOf = dir.resolve("as-of.json");
                assertThat(tool(dir, database, asOf, "as-of", "--case", caseId, "--at", beforeErasure.toString()))
                        .isZero();
                String printed = Files.readString(asOf);
                JsonNode then = JSON.readTree(printed.substring(printed.indexOf('{'), printed.lastIndexOf('}') + 1));
                assertThat(then.get("erased").asBoolean()).isTrue();
                assertThat(then.get("status").asText()).isEqualTo("CLOSED");
                assertThat(erased(then.at("/child/name"))).isTrue();
                JsonNode thenOverHttp = api.get("chen.oversight", "/api/cases/" + caseId + "?asOf=" + beforeErasure)
                        .json();
                assertThat(thenOverHttp.get("erased").asBoolean()).isTrue();
                assertThat(erased(thenOverHttp.at("/child/name"))).isTrue();

                assertThat(found(jdbc, name)).as("after the rebuild and the reads").isEmpty();
            }
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                    String text = Files.readString(log, StandardCharsets.UTF_8);
                    needles.forEach(needle -> assertThat(text).as(log.toString()).doesNotContain(needle));
                }
            }
        }
    }

    /** "table.column" of every value in the database that contains {@code needle}, bytes read as UTF-8. */
    private static List<String> found(JdbcTemplate jdbc, String needle) {
        List<String> where = new ArrayList<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", String.class)) {
            jdbc.query("SELECT * FROM " + table, rs -> {
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    Object value = rs.getObject(column);
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                            : String.valueOf(value);
                    if (text.contains(needle)) {
                        where.add(table + "." + rs.getMetaData().getColumnName(column));
                    }
                }
            });
        }
        return where;
    }

    private static String register(ApiClient api, String name, LocalDate birth) {
        ObjectNode body = Registrations.valid(birth);
        body.with("child").put("name", name);
        ApiClient.Answer answer = api.post("li.caseworker", "/api/cases", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("caseId").asText();
    }

    private static void ok(ApiClient api, String user, String caseId, String path, ObjectNode body) {
        ApiClient.Answer answer = api.post(user, "/api/cases/" + caseId + "/" + path, body);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
    }

    private static int tool(Path dir, ScratchDatabase database, String... arguments) {
        return tool(dir, database, dir.resolve("replay-tools.log"), arguments);
    }

    /**
     * replay-tools in the registry's directory with its configuration (the key-encryption key it finds there), as a
     * maintainer runs it; its output appended to {@code out}.
     */
    private static int tool(Path dir, ScratchDatabase database, Path out, String... arguments) {
        JavaProcess run = JavaProcess.start(JavaProcess.jar("reliability.replay-tools-jar"), dir, out,
                Stream.of(Stream.of(arguments), Stream.of(database.springArguments()), Stream.of(
                        "--registry.integrity.signing-key-file=" + dir.resolve("tree-head-signing-key.pem")))
                        .flatMap(s -> s).toArray(String[]::new));
        assertThat(run.waitFor(180)).as(String.join(" ", arguments) + " ends").isTrue();
        if (run.exitCode() != 0) {
            System.out.println(String.join(" ", arguments) + " printed:\n" + run.logTail());
        }
        return run.exitCode();
    }

    private static String cjk(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ThreadLocalRandom.current().nextInt(0x4E00, 0x9FA5));
        }
        return text.toString();
    }

    /** An erased field: null in the log's JSON, left out of the API's answers (which omit nulls). */
    private static boolean erased(JsonNode field) {
        return field == null || field.isMissingNode() || field.isNull();
    }
}
