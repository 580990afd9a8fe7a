package org.childprotection.registry.replay;

import org.childprotection.registry.projection.ProjectionRebuild;
import org.childprotection.registry.projection.ProjectionCatalog;

import org.childprotection.registry.projection.Projection;
import org.childprotection.registry.readmodel.RunLock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Optional;

/** What rebuild and replay --new share: finding the projection, guarding against a second run, the progress. */
final class Replays {

    private Replays() {
    }

    static int run(CommandLine.Model.CommandSpec spec, String name, int batchSize, boolean restart, boolean isNew) {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be between 1 and 100000.");
        }
        ConfigurableApplicationContext context = ReplayTools.context();
        ProjectionCatalog catalog = context.getBean(ProjectionCatalog.class);
        Optional<Projection> projection = catalog.named(name);
        PrintWriter err = spec.commandLine().getErr();
        if (projection.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown projection '" + name + "'; the projections are: " + String.join(", ", catalog.names()));
        }
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        ProjectionRebuild rebuild = context.getBean(ProjectionRebuild.class);
        try (RunLock lock = RunLock.acquire(jdbc.getDataSource(), "rebuild:" + name)) {
            if (lock == null) {
                err.println("Another rebuild of " + name + " is running.");
                return 1;
            }
            if (restart) {
                rebuild.abandon(projection.get());
            }
            rebuild.inProgress(name).ifPresent(state -> err.println("Resuming the rebuild of " + name + " after "
                    + state.applied() + " events (global index " + state.position().globalIndex() + ")."));
            long applied;
            try (ProgressDisplay progress = new ProgressDisplay((isNew ? "replay " : "rebuild ") + name, err,
                    System.console() != null)) {
                applied = rebuild.run(projection.get(), batchSize, progress);
            }
            err.println((isNew ? "Replayed " : "Rebuilt ") + name + ": " + applied + " events; switched to the new tables.");
            return 0;
        }
    }
}
