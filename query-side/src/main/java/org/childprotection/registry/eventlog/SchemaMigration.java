package org.childprotection.registry.eventlog;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who changes the schema. Only the schema's owner migrates ({@code replay-tools migrate}, or the demo, whose login is
 * the superuser: {@code registry.database.migrate=true}); the API and the tool otherwise connect as least-privileged
 * logins that could not, so they only check that the schema is current and refuse to start when it is not.
 */
@Component
public class SchemaMigration implements FlywayMigrationStrategy {

    public static final String MIGRATE_COMMAND = "java -jar replay-tools/target/replay-tools.jar migrate";

    private final boolean migrate;

    public SchemaMigration(@Value("${registry.database.migrate:false}") boolean migrate) {
        this.migrate = migrate;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (migrate) {
            flyway.migrate();
            return;
        }
        behind(flyway).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** A one-line problem when the database lacks migrations this build has; reads only. */
    public static Optional<String> behind(Flyway flyway) {
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length == 0) {
            return Optional.empty();
        }
        MigrationInfo current = flyway.info().current();
        return Optional.of("The database schema is " + (current == null ? "missing" : "behind (at version "
                + current.getVersion() + ")") + " and this release needs version "
                + pending[pending.length - 1].getVersion() + ": have the schema's owner run `" + MIGRATE_COMMAND + "`.");
    }
}
