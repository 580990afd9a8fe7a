package org.childprotection.registry.replay;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code replay --new <projection>}: brings a newly written projection up to date from the start of the log. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Bring a newly written projection up to date from the beginning of the log: fill copies of "
                + "its tables from every event so far and switch them in; from its first deployment the API has "
                + "applied each command's events to it, and goes on doing so on the switched-in tables.",
                "The same build as rebuild, named for a projection that never held the whole log."})
public class ReplayCommand implements Callable<Integer> {

    @Option(names = "--new", required = true, paramLabel = "<projection>",
            description = "The new projection, e.g. case-files.")
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
