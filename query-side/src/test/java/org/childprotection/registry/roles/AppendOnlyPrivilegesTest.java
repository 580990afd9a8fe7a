package org.childprotection.registry.roles;

import org.childprotection.registry.testsupport.DatabaseLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/database-roles.md: a login in registry_app or registry_maintainer cannot change, remove or unprotect a row of any
 * append-only table, by any statement, on a schema migrated by a non-superuser owner as a site has one.
 */
class AppendOnlyPrivilegesTest {

    static DatabaseLogin owner;

    @BeforeAll
    static void migratedByItsOwner() {
        owner = DatabaseLogin.owningNewDatabase().migrate();
    }

    @AfterAll
    static void drop() {
        owner.close();
    }

    @Test
    void every_append_only_table_refuses_every_change_to_a_login_of_either_role() throws SQLException {
        List<String> tables = appendOnlyTables();
        assertThat(tables).contains("domain_event_entry", "access_log", "merkle_leaf", "merkle_node", "tree_head",
                "security_event", "access_merkle_leaf", "access_merkle_node", "access_tree_head", "cosignature");
        for (String role : List.of("registry_app", "registry_maintainer")) {
            try (DatabaseLogin login = DatabaseLogin.in(role); Connection connection = login.connect(owner.url())) {
                for (String table : tables) {
                    String column = firstColumn(connection, table);
                    // the login reaches the table (so each refusal below is about the statement, not the connection)
                    connection.createStatement().executeQuery("SELECT count(*) FROM " + table).close();
                    for (String forbidden : List.of(
                            "UPDATE " + table + " SET " + column + " = " + column,
                            "DELETE FROM " + table,
                            "TRUNCATE " + table,
                            "DROP TABLE " + table,
                            "ALTER TABLE " + table + " DISABLE TRIGGER ALL",
                            "ALTER TABLE " + table + " DISABLE TRIGGER " + table + "_append_only",
                            "ALTER TABLE " + table + " RENAME TO " + table + "_old",
                            "SET session_replication_role = replica")) {
                        assertThatThrownBy(() -> connection.createStatement().execute(forbidden))
                                .as(role + ": " + forbidden)
                                .isInstanceOfSatisfying(SQLException.class,
                                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501"));
                    }
                }
            }
        }
    }

    @Test
    void the_api_role_appends_to_the_log_tables_and_the_maintainer_role_only_to_the_access_log() throws SQLException {
        String access = "INSERT INTO access_log (accessed_at, username, role, case_id, resource) "
                + "VALUES (now(), 'test', 'OVERSIGHT', 'case-1', 'CASE_FILE')";
        String event = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                + "time_stamp, payload_type, payload) VALUES (gen_random_uuid()::text, 'case-1', 0, 'now', 'T', '\\x7b7d')";
        try (DatabaseLogin app = DatabaseLogin.in("registry_app"); Connection connection = app.connect(owner.url())) {
            assertThat(connection.createStatement().executeUpdate(access)).isEqualTo(1);
            assertThat(connection.createStatement().executeUpdate(event)).isEqualTo(1);
        }
        try (DatabaseLogin maintainer = DatabaseLogin.in("registry_maintainer");
             Connection connection = maintainer.connect(owner.url())) {
            // replay-tools records its own reads (export, as-of) like the API
            assertThat(connection.createStatement().executeUpdate(access)).isEqualTo(1);
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(event))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    /** Every table whose changes the append-only trigger function refuses: tables added later are covered too. */
    /** docs/erasure.md: a case's data key is created, re-wrapped and destroyed by the API, and never comes back. */
    @Test
    void a_case_key_is_only_re_wrapped_or_destroyed_and_the_maintainer_only_reads_keys() throws SQLException {
        try (DatabaseLogin app = DatabaseLogin.in("registry_app"); Connection connection = app.connect(owner.url())) {
            var statement = connection.createStatement();
            statement.executeUpdate("INSERT INTO case_key (case_id, wrapped_key, kek_id) "
                    + "VALUES ('key-1', '\\x01', '0123456789abcdef')");
            assertThat(statement.executeUpdate("UPDATE case_key SET wrapped_key = '\\x02', kek_id = 'fedcba9876543210' "
                    + "WHERE case_id = 'key-1'")).as("re-wrapped").isEqualTo(1);
            assertThat(statement.executeUpdate("UPDATE case_key SET wrapped_key = NULL, kek_id = NULL, "
                    + "destroyed_at = now() WHERE case_id = 'key-1'")).as("destroyed").isEqualTo(1);
            for (String forbidden : List.of(
                    "UPDATE case_key SET wrapped_key = '\\x01', kek_id = '0123456789abcdef', destroyed_at = NULL "
                            + "WHERE case_id = 'key-1'",
                    "UPDATE case_key SET case_id = 'key-2' WHERE case_id = 'key-1'",
                    "DELETE FROM case_key",
                    "TRUNCATE case_key",
                    "ALTER TABLE case_key DISABLE TRIGGER ALL")) {
                assertThatThrownBy(() -> statement.execute(forbidden)).as(forbidden)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501"));
            }
        }
        try (DatabaseLogin maintainer = DatabaseLogin.in("registry_maintainer");
             Connection connection = maintainer.connect(owner.url())) {
            var statement = connection.createStatement();
            statement.executeQuery("SELECT count(*) FROM case_key").close();
            assertThatThrownBy(() -> statement.execute("UPDATE case_key SET destroyed_at = now()"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    private static List<String> appendOnlyTables() throws SQLException {
        try (Connection connection = owner.connect(owner.url())) {
            var rows = connection.createStatement().executeQuery("SELECT DISTINCT c.relname FROM pg_trigger t "
                    + "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                    + "WHERE p.proname = 'refuse_change' ORDER BY c.relname");
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            return tables;
        }
    }

    private static String firstColumn(Connection connection, String table) throws SQLException {
        var rows = connection.createStatement().executeQuery("SELECT attname FROM pg_attribute WHERE attrelid = '"
                + table + "'::regclass AND attnum = 1");
        rows.next();
        return rows.getString(1);
    }
}
