package org.childprotection.registry.testsupport;

import org.childprotection.registry.eventlog.MissingDatabaseCreator;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Gives each test application context its own freshly created PostgreSQL database, dropped when the JVM
 * ends (after the context is closed), so test runs never share or depend on leftovers. The server is the local
 * one unless {@code registry.test.db-server} names another, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}.
 */
public class UniqueTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String SERVER = System.getProperty("registry.test.db-server", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("registry.test.db-user", "postgres");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = newName();
        MissingDatabaseCreator.createIfMissing(SERVER + "postgres", name, USER, "");
        TestPropertyValues.of(properties(name)).applyTo(context);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            drop(name);
        }, "drop-" + name));
    }

    /**
     * For a test that starts its own context (such as a command-line tool): creates a database and answers the
     * Spring properties that point at it, as command-line arguments. It is dropped when the JVM ends.
     */
    public static String[] createForArguments() {
        String name = createDatabase();
        return java.util.Arrays.stream(properties(name)).map(p -> "--" + p).toArray(String[]::new);
    }

    /** Creates a database, dropped when the JVM ends, and answers its JDBC URL (user {@link #user()}). */
    public static String createUrl() {
        return SERVER + createDatabase();
    }

    public static String user() {
        return USER;
    }

    private static String createDatabase() {
        String name = newName();
        MissingDatabaseCreator.createIfMissing(SERVER + "postgres", name, USER, "");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "drop-" + name));
        return name;
    }

    private static String newName() {
        return "registry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static String[] properties(String name) {
        return new String[]{
                "spring.datasource.url=" + SERVER + name,
                "spring.datasource.username=" + USER,
                "spring.datasource.password=",
                "registry.database.create-if-missing=false",
                // a test's own database: its login (the superuser) migrates it, as the demo does
                "registry.database.migrate=true",
                // several contexts are alive at once in a test run; an idle one should not keep a full pool open
                "spring.datasource.hikari.minimum-idle=2",
                "spring.datasource.hikari.idle-timeout=10000"};
    }

    private static void drop(String name) {
        try (var connection = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
