package org.childprotection.registry.reliability;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged registry-api.jar, as a new user starts it: without the demo profile and with no configuration it
 * refuses to start, names each problem on a line, exits non-zero and writes nothing (no key file, no database).
 */
class PackagedJarRefusalTest {

    @Test
    void started_bare_it_refuses_names_every_problem_and_writes_nothing() throws Exception {
        try (Workspace workspace = new Workspace("bare-start")) {
            Path log = workspace.dir().resolve("api.log");
            JavaProcess api = JavaProcess.start(JavaProcess.jar("reliability.api-jar"), workspace.dir(), log);
            assertThat(api.waitFor(60)).as("the refused start ends").isTrue();
            String printed = Files.readString(log);
            assertThat(api.exitCode()).as(printed).isNotZero();
            assertThat(printed).contains("APPLICATION FAILED TO START",
                    "\nNo users and no identity provider are configured",
                    "\nNo tree-head signing key at " + workspace.dir().resolve("registry-data"),
                    "\nNo key-encryption key: set registry.privacy.key-encryption-key",
                    "\nPlain HTTP: configure TLS",
                    "\nNo database login: set spring.datasource.username");
            assertThat(workspace.dir().resolve("registry-data")).doesNotExist();
        }
    }

    @Test
    void asked_to_create_its_database_as_the_superuser_it_refuses_before_creating_it() throws Exception {
        String database = "registry_test_never_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Workspace workspace = new Workspace("superuser-start")) {
            Path log = workspace.dir().resolve("api.log");
            JavaProcess api = JavaProcess.start(JavaProcess.jar("reliability.api-jar"), workspace.dir(), log,
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                    "--spring.datasource.username=postgres", "--registry.database.create-if-missing=true",
                    "--registry.integrity.generate-key=true", "--registry.security.behind-tls-proxy=true");
            assertThat(api.waitFor(60)).as("the refused start ends").isTrue();
            String printed = Files.readString(log);
            assertThat(api.exitCode()).as(printed).isNotZero();
            assertThat(printed).contains("\nNo users and no identity provider are configured",
                    "\nCannot connect to the database jdbc:postgresql://127.0.0.1:5432/" + database + " as postgres");
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                exists.setString(1, database);
                assertThat(exists.executeQuery().next()).as("database " + database + " created").isFalse();
            }
            assertThat(workspace.dir().resolve("registry-data")).doesNotExist();
        }
    }
}
