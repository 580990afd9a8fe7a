package org.childprotection.registry.api.eventlog;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The event log is plain, readable PostgreSQL: Flyway's tables, bytea JSON, a gap-free global index. */
@RegistryApiTest
class EventLogSchemaTest {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_table_was_created_by_flyway() {
        List<String> migrations = jdbc.queryForList(
                "SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class);
        assertThat(migrations).contains("V1__event_log.sql", "V2__case_file.sql", "V3__case_history.sql");
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry", "case_file",
                "case_event");
    }

    @Test
    void payload_metadata_and_tokens_are_bytea_and_no_column_is_an_oid() {
        assertThat(columnType("domain_event_entry", "payload")).isEqualTo("bytea");
        assertThat(columnType("domain_event_entry", "meta_data")).isEqualTo("bytea");
        assertThat(columnType("snapshot_event_entry", "payload")).isEqualTo("bytea");
        assertThat(columnType("token_entry", "token")).isEqualTo("bytea");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND data_type = 'oid'", Long.class)).isZero();
    }

    @Test
    void the_global_index_sequence_steps_by_one_and_events_are_readable_json() {
        assertThat(jdbc.queryForObject("SELECT increment_by FROM pg_sequences "
                + "WHERE sequencename = 'domain_event_entry_global_index_seq'", Long.class)).isEqualTo(1);

        var body = Registrations.valid();
        body.with("report").putArray("triggers").add("SUSPECTED_INJURY_OR_HARM");
        String caseId = api.post("li.caseworker", "/api/cases", body).json().get("caseId").asText();

        List<Long> indexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, caseId);
        assertThat(indexes).hasSize(2);
        assertThat(indexes.get(1)).isEqualTo(indexes.get(0) + 1);
        String village = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb #>> '{child,villageCode}' "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, caseId);
        assertThat(village).isEqualTo(Registrations.VILLAGE);
        // the child's name is sealed with the key of the case the event names first (docs/erasure.md)
        String name = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb #>> '{child,name,sealed}' "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, caseId);
        assertThat(name).isBase64().doesNotContain(Registrations.valid().at("/child/name").asText());
        String leading = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, caseId);
        assertThat(leading).startsWith("{\"caseId\":\"" + caseId + "\"");
        String actor = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, caseId);
        assertThat(actor).isEqualTo("li.caseworker");
        String revision = jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, caseId);
        assertThat(revision).isEqualTo("1");
    }

    @Test
    void each_event_keeps_the_clients_request_id_the_servers_own_and_the_clients_address() {
        ApiClient.Answer registered = api.send(api.request("li.caseworker", "/api/cases")
                .header("Content-Type", "application/json").header("X-Request-Id", "client-chosen-1")
                .POST(HttpRequest.BodyPublishers.ofString(Registrations.valid().toString())));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String caseId = registered.json().get("caseId").asText();
        String serverId = registered.header("X-Server-Request-Id");
        assertThat(serverId).isNotBlank().isNotEqualTo("client-chosen-1");

        List<Map<String, Object>> metadata = jdbc.queryForList("""
                SELECT m ->> 'requestId' AS request_id, m ->> 'serverRequestId' AS server_request_id,
                       m ->> 'clientAddress' AS client_address
                FROM (SELECT convert_from(meta_data, 'UTF8')::jsonb AS m FROM domain_event_entry
                      WHERE aggregate_identifier = ?) e""", caseId);
        assertThat(metadata).isNotEmpty().allSatisfy(m -> assertThat(m).containsEntry("request_id", "client-chosen-1")
                .containsEntry("server_request_id", serverId).containsEntry("client_address", "127.0.0.1"));
    }

    private String columnType(String table, String column) {
        return jdbc.queryForObject("SELECT data_type FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = ? AND column_name = ?", String.class, table, column);
    }
}
