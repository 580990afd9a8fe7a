package org.childprotection.registry.testsupport;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A PostgreSQL login made for one test, with a unique name (roles are cluster-wide and tests run in parallel), and
 * dropped by {@link #close()}. Made and dropped by the server's superuser ({@link UniqueTestDatabase#user()}).
 */
public final class DatabaseLogin implements AutoCloseable {

    private static final String SERVER = System.getProperty("registry.test.db-server", "jdbc:postgresql://127.0.0.1:5432/");

    private final String name;
    private final String password = UUID.randomUUID().toString();
    private String ownedDatabase;

    private DatabaseLogin(String options) {
        this.name = "registry_test_login_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        superuser("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "' " + options);
    }

    /** A login in one of the group roles of docs/database-roles.md (they exist once any database has migrated). */
    public static DatabaseLogin in(String groupRole) {
        return new DatabaseLogin("IN ROLE " + groupRole);
    }

    /**
     * A schema owner as a site has one: not a superuser, may create roles, owns a new database of its own (dropped
     * with the login). The database is empty until {@link #migrate()} or {@code replay-tools migrate} runs.
     */
    public static DatabaseLogin owningNewDatabase() {
        DatabaseLogin owner = new DatabaseLogin("CREATEROLE");
        owner.ownedDatabase = "registry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        superuser("CREATE DATABASE " + owner.ownedDatabase + " OWNER " + owner.name);
        return owner;
    }

    /** The owner's database migrated by the owner, as {@code replay-tools migrate} does. */
    public DatabaseLogin migrate() {
        Flyway.configure().dataSource(url(), name, password).locations("classpath:db/migration").load().migrate();
        return this;
    }

    public String url() {
        if (ownedDatabase == null) {
            throw new IllegalStateException(name + " owns no database");
        }
        return SERVER + ownedDatabase;
    }

    public String name() {
        return name;
    }

    public String password() {
        return password;
    }

    /** Spring arguments that connect as this login to the database at {@code url}. */
    public String[] springArguments(String url) {
        return new String[]{"--spring.datasource.url=" + url, "--spring.datasource.username=" + name,
                "--spring.datasource.password=" + password, "--registry.database.create-if-missing=false"};
    }

    public Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, name, password);
    }

    @Override
    public void close() {
        if (ownedDatabase != null) {
            superuser("DROP DATABASE IF EXISTS " + ownedDatabase + " WITH (FORCE)");
        }
        superuser("DROP ROLE IF EXISTS " + name);
    }

    private static void superuser(String statement) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", UniqueTestDatabase.user(), "")) {
            connection.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }
}
