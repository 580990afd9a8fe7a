package org.childprotection.registry.api.reads;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;

/**
 * Every read of a child's data leaves exactly one access-log row, path by path, whoever reads (oversight too), with
 * what it returned; and every GET endpoint of the API is either such a read or declared to carry no child's data.
 */
@RegistryApiTest
class ReadsAreLoggedApiTest {

    /** The GET endpoints that return a child's name or identity number (or free text about a child). */
    static final Set<String> LOGGED = Set.of("/api/cases", "/api/cases/{caseId}", "/api/cases/{caseId}/history",
            "/api/cases/{caseId}/proof", "/api/audit/events", "/api/transfers", "/api/statistics",
            "/api/privacy/due");
    /** The GET endpoints that return none: the caller, heads and proofs of hashes, the logs about reads, operations. */
    static final Set<String> NO_CHILD_DATA = Set.of("/api/me", "/api/integrity", "/api/integrity/verify",
            "/api/integrity/consistency", "/api/audit/access-log", "/api/audit/security-events", "/api/processors");

    record Row(String username, String resource, String caseId, List<String> caseIds, String detail) {
    }

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void each_path_that_returns_a_child_s_data_leaves_one_row_naming_what_it_returned() {
        CaseSteps steps = new CaseSteps(api, jdbc);
        CaseSteps.Case c = steps.monitoring(LI, CaseSteps.freshVillage(LI_TOWNSHIP));

        assertThat(oneRow(LI, c.path())).isEqualTo(new Row(LI, "CASE_FILE", c.id(), null, null));
        assertThat(oneRow(LI, c.path() + "?asOf=" + Instant.now()).resource()).isEqualTo("CASE_FILE_AS_OF");
        assertThat(oneRow(LI, c.path() + "/history")).isEqualTo(new Row(LI, "HISTORY", c.id(), null, null));
        Row caseload = oneRow(LI, "/api/cases?villageCode=" + c.village());
        assertThat(caseload.resource()).isEqualTo("CASELOAD");
        assertThat(caseload.caseIds()).containsExactly(c.id());
        assertThat(caseload.caseId()).isNull();
        // oversight is not exempt
        assertThat(oneRow(CHEN, c.path())).isEqualTo(new Row(CHEN, "CASE_FILE", c.id(), null, null));
        assertThat(oneRow(CHEN, c.path() + "/proof")).isEqualTo(new Row(CHEN, "PROOF", c.id(), null, null));
        Row trail = oneRow(CHEN, "/api/audit/events?villageCode=" + c.village());
        assertThat(trail.resource()).isEqualTo("AUDIT_EVENTS");
        assertThat(trail.caseIds()).containsExactly(c.id());
        Row statistics = oneRow(WANG, "/api/statistics?villageCode=" + LI_TOWNSHIP);
        assertThat(statistics.resource()).isEqualTo("STATISTICS");
        assertThat(statistics.caseIds()).as("statistics name no case").isNull();
        assertThat(statistics.detail()).contains("\"villageCode\": \"" + LI_TOWNSHIP + "\"");
        Row transfers = oneRow(WANG, "/api/transfers");
        assertThat(transfers.resource()).isEqualTo("TRANSFERS");
        assertThat(transfers.caseIds()).isNotNull();
        Row due = oneRow(CHEN, "/api/privacy/due");
        assertThat(due.resource()).isEqualTo("PRIVACY_DUE");
        assertThat(due.caseIds()).as("no retention configured here: nothing is due").isEmpty();
        // a page that returned nobody is a read too, and the access log finds a page by a case on it
        assertThat(oneRow(LI, "/api/cases?villageCode=110101001999").caseIds()).isEmpty();
        assertThat(api.get(CHEN, "/api/audit/access-log?caseId=" + c.id()).json().get("items")
                .findValuesAsText("resource")).contains("CASELOAD", "AUDIT_EVENTS", "CASE_FILE");
    }

    @Test
    void a_witness_run_is_logged_with_its_operating_system_user_and_a_plain_look_at_the_head_is_not() {
        long before = lastId();
        api.send(api.request("north.witness", "/api/integrity").header("X-Registry-Client", "replay-tools witness")
                .header("X-Registry-OS-User", "audit-office-cron").GET());
        api.get("chen.oversight", "/api/integrity");

        List<Row> rows = rowsAfter(before);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).resource()).isEqualTo("WITNESS");
        assertThat(rows.get(0).detail()).contains("\"osUser\": \"audit-office-cron\"", "\"login\": \"north.witness\"");
    }

    @Test
    void every_get_endpoint_is_either_a_logged_read_or_declared_to_carry_no_child_data() {
        Set<String> gets = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)
                    && info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))) {
                gets.addAll(info.getPatternValues());
            }
        });
        Set<String> declared = new TreeSet<>(LOGGED);
        declared.addAll(NO_CHILD_DATA);

        assertThat(gets).as("a new GET endpoint: log its reads (Reads) or declare it here").isEqualTo(declared);
    }

    private Row oneRow(String user, String path) {
        long before = lastId();
        ApiClient.Answer answer = api.get(user, path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        List<Row> rows = rowsAfter(before);
        assertThat(rows).as("access-log rows of " + path).hasSize(1);
        return rows.get(0);
    }

    private long lastId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM access_log", Long.class);
    }

    private List<Row> rowsAfter(long id) {
        return jdbc.query("SELECT * FROM access_log WHERE id > ? ORDER BY id", (rs, i) -> new Row(
                rs.getString("username"), rs.getString("resource"), rs.getString("case_id"),
                rs.getArray("case_ids") == null ? null : List.of((String[]) rs.getArray("case_ids").getArray()),
                rs.getString("detail")), id);
    }
}
