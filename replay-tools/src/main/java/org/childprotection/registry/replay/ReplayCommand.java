package org.childprotection.registry.replay;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code replay --new <projection>}: brings a newly written projection up to date from the start of the log. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Start a newly written projection from the beginning of the log: fill its tables from "
                + "every event so far, then hand over to the API's processor at the position reached.",
                "Refused when the projection's processor already has a position (use rebuild)."})
public class ReplayCommand implements Callable<Integer> {

    @Option(names = "--new", required = true, paramLabel = "<projection>",
            description = "The new projection (processing group).")
    String projection;

    @Option(names = "--batch-size", paramLabel = "<events>", defaultValue = "1000",
            description = "Events applied per transaction (default ${DEFAULT-VALUE}).")
    int batchSize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return Replays.run(spec, projection, batchSize, false, true);
    }
}
