package org.childprotection.registry.replay;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code migrate}: the schema's owner brings the schema, the group roles and their grants up to date. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Create or update the registry's schema (Flyway) and the NOLOGIN group roles registry_app "
                + "(the API) and registry_maintainer (replay-tools) with their grants (docs/database-roles.md).",
                "Run it with the login that owns the database (it needs CREATEROLE the first time), before "
                        + "starting a new release of the API."})
public class MigrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // the context migrates as it starts (registry.database.migrate=true: SchemaMigration)
        ReplayTools.contextArgument("--registry.database.migrate=true");
        MigrationInfo current = ReplayTools.context().getBean(Flyway.class).info().current();
        spec.commandLine().getOut().println("schema at version " + current.getVersion()
                + "; roles registry_app and registry_maintainer hold their grants");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
