package org.childprotection.registry.replay;

import org.childprotection.registry.projection.Projection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code rebuild <projection>}: replays the whole log beside the live tables, then switches atomically. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {"Rebuild a projection from the whole event log into fresh tables beside the live ones, "
                + "catch up with events that arrive meanwhile, then switch atomically.",
                "The API keeps serving reads and commands. Interrupted, the next run resumes where it stopped; "
                        + "the live projection is never touched before the switch."})
public class RebuildCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<projection>", description = "The projection, e.g. case-files.")
    String projection;

    @Option(names = "--batch-size", paramLabel = "<events>", defaultValue = "1000",
            description = "Events applied per transaction (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--restart", description = "Discard an unfinished rebuild of this projection and start over.")
    boolean restart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return Replays.run(spec, projection, batchSize, restart, false);
    }
}
