package org.childprotection.registry.replay;

import org.childprotection.registry.projection.DeadLetterRetry;
import org.childprotection.registry.projection.Projection;
import org.childprotection.registry.projection.ProjectionCatalog;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code retry-dead-letters <projection>}: applies the projection's parked cases again. */
@Command(name = "retry-dead-letters", mixinStandardHelpOptions = true,
        description = {"Apply again the events a projection parked as dead letters because it could not apply them, "
                + "oldest first, case by case, once the fault is fixed.",
                "A case that still fails stays parked with its new cause (exit code 1). Safe while the API runs."})
public class RetryDeadLettersCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<projection>", description = "The projection (processing group), e.g. case-files.")
    String projection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ConfigurableApplicationContext context = ReplayTools.context();
        ProjectionCatalog catalog = new ProjectionCatalog(context.getAutowireCapableBeanFactory());
        Projection named = catalog.named(projection).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "Unknown projection '" + projection + "'; the projections are: "
                + String.join(", ", catalog.names())));
        DeadLetterRetry.Result result = context.getBean(DeadLetterRetry.class).retry(named);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d dead letters before, %d left in %d cases%n", result.projection(), result.lettersBefore(),
                result.lettersAfter(), result.casesAfter());
        out.flush();
        return result.lettersAfter() == 0 ? 0 : 1;
    }
}
