package org.childprotection.registry.api.startup;

import org.childprotection.registry.eventlog.SchemaMigration;
import org.flywaydb.core.Flyway;
import org.springframework.core.env.Environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The API's database login, outside the demo: a login in {@code registry_app}, never the superuser or the owner of
 * the append-only tables (who could drop their triggers), on a schema the owner has migrated. Reads only.
 */
final class DatabaseLoginChecks {

    /** The append-only tables are those whose changes the V4 trigger function refuses (docs/database-roles.md). */
    private static final String OWNED_APPEND_ONLY_TABLES = """
            SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
              JOIN pg_proc p ON p.oid = t.tgfoid
             WHERE p.proname = 'refuse_change' AND c.relnamespace = current_schema()::regnamespace
               AND pg_has_role(current_user, c.relowner, 'MEMBER')
             ORDER BY c.relname""";

    void check(Environment env, Consumer<String> problem) {
        String url = env.getProperty("spring.datasource.url", "");
        String user = env.getProperty("spring.datasource.username", "");
        String password = env.getProperty("spring.datasource.password", "");
        if (user.isBlank()) {
            problem.accept("No database login: set spring.datasource.username (REGISTRY_DB_USER) to a login in the "
                    + "role registry_app.");
            return;
        }
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        login.setProperty("connectTimeout", "10");
        try (Connection connection = DriverManager.getConnection(url, login)) {
            var superuser = connection.createStatement().executeQuery(
                    "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
            if (superuser.next() && superuser.getBoolean(1)) {
                problem.accept("The database login " + user + " is a superuser: connect the API as a login in the role "
                        + "registry_app (CREATE ROLE ... LOGIN IN ROLE registry_app).");
            } else {
                List<String> owned = new ArrayList<>();
                var tables = connection.createStatement().executeQuery(OWNED_APPEND_ONLY_TABLES);
                while (tables.next()) {
                    owned.add(tables.getString(1));
                }
                if (!owned.isEmpty()) {
                    problem.accept("The database login " + user + " owns the event-log tables " + owned
                            + " (directly or through a role), so it could alter or drop them: connect the API as a "
                            + "login in the role registry_app, not as the schema's owner.");
                }
            }
        } catch (SQLException e) {
            problem.accept("Cannot connect to the database " + url + " as " + user + ": " + e.getMessage());
            return;
        }
        Flyway flyway = Flyway.configure().dataSource(url, user, password)
                .locations(env.getProperty("spring.flyway.locations", String[].class, new String[]{"classpath:db/migration"}))
                .load();
        SchemaMigration.behind(flyway).ifPresent(problem);
    }
}
