package org.childprotection.registry.reliability;

import org.childprotection.registry.eventlog.MissingDatabaseCreator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A database made for one scenario on a PostgreSQL server, dropped when the scenario closes it (or the JVM ends). */
final class ScratchDatabase implements AutoCloseable {

    static final String USER = "postgres";
    static final String SHARED_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String server;
    private final String name;
    private final Thread dropAtExit;
    private boolean dropped;

    private ScratchDatabase(String server) {
        this.server = server;
        this.name = "registry_reliability_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        MissingDatabaseCreator.createIfMissing(server + "postgres", name, USER, "");
        this.dropAtExit = new Thread(this::drop, "drop-" + name);
        Runtime.getRuntime().addShutdownHook(dropAtExit);
    }

    /** On the shared local server. */
    static ScratchDatabase create() {
        return new ScratchDatabase(SHARED_SERVER);
    }

    static ScratchDatabase createOn(String server) {
        return new ScratchDatabase(server);
    }

    String url() {
        return server + name;
    }

    /** A connection-per-call template: it survives the server going away and coming back. */
    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), USER, ""));
    }

    /**
     * The arguments that point a registry process at this database. Its pool (up to 20 connections, as
     * configured) keeps only 2 idle ones: the shared server's 100 connections also serve other test runs.
     */
    String[] springArguments() {
        return new String[]{"--spring.datasource.url=" + url(), "--spring.datasource.username=" + USER,
                "--spring.datasource.password=", "--registry.database.create-if-missing=false",
                "--spring.datasource.hikari.minimum-idle=2"};
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook drops nothing twice
        }
    }

    private synchronized void drop() {
        if (dropped) {
            return;
        }
        try (var connection = DriverManager.getConnection(server + "postgres", USER, "")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            dropped = true;
        } catch (SQLException e) {
            System.err.println("Could not drop " + name + ": " + e.getMessage());
        }
    }
}
