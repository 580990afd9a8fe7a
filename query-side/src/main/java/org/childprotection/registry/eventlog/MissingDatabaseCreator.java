package org.childprotection.registry.eventlog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the configured PostgreSQL database when it does not exist yet, so that a newcomer's first start
 * against a fresh local server just works. Only with {@code registry.database.create-if-missing=true}; a
 * production role would not have the right to create databases anyway.
 */
public class MissingDatabaseCreator implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(MissingDatabaseCreator.class);
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        if (!env.getProperty("registry.database.create-if-missing", Boolean.class, false)) {
            return;
        }
        String url = env.getProperty("spring.datasource.url", "");
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            return;
        }
        createIfMissing(matcher.group(1) + "postgres", matcher.group(2),
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
    }

    /** {@code name} has been checked to be a plain identifier, so it can be spliced into the statement. */
    public static void createIfMissing(String maintenanceUrl, String name, String user, String password) {
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, password)) {
            var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE " + name);
                log.info("Created database {}", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check or create database " + name + " at " + maintenanceUrl
                    + ": " + e.getMessage(), e);
        }
    }
}
