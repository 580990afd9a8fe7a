package org.childprotection.registry.replay;

import org.childprotection.registry.projection.QuerySideWithoutProcessors;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The maintainers' tool. Configured like the API (Spring properties, {@code REGISTRY_DB_*} environment, or
 * {@code --spring.datasource.url=...} arguments). The Spring context, and with it the database connection,
 * starts only when a subcommand needs it, so {@code --help} and argument errors work without a database.
 * No projection runs inside this tool unless a subcommand starts one.
 */
@Command(name = "replay-tools", mixinStandardHelpOptions = true, version = "replay-tools 0.1",
        description = "Maintain and inspect the Child Protection Registry's event log.",
        subcommands = {StatusCommand.class, RebuildCommand.class, ReplayCommand.class, AsOfCommand.class,
                ExportCommand.class, VerifyCommand.class, VerifyExportCommand.class,
                MigrateCommand.class, WitnessCommand.class})
public class ReplayTools implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static String[] springArguments = new String[0];
    private static ConfigurableApplicationContext context;

    /** The event log and the read-side services the subcommands use; no projection is an event handler here. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(QuerySideWithoutProcessors.class)
    static class Registry {
    }

    public static void main(String[] args) {
        int code = execute(args);
        closeContext();
        System.exit(code);
    }

    /** Runs one command line; {@code --spring.*} and {@code --registry.*} arguments configure the context. */
    public static int execute(String... args) {
        return commandLine().execute(picocliArguments(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new ReplayTools());
    }

    static String[] picocliArguments(String[] args) {
        springArguments = Arrays.stream(args).filter(ReplayTools::isSpringArgument).toArray(String[]::new);
        return Arrays.stream(args).filter(a -> !isSpringArgument(a)).toArray(String[]::new);
    }

    private static boolean isSpringArgument(String arg) {
        return arg.startsWith("--spring.") || arg.startsWith("--registry.") || arg.startsWith("--logging.");
    }

    /** Adds a Spring argument for the context a subcommand is about to start. */
    static synchronized void contextArgument(String argument) {
        springArguments = Stream.concat(Arrays.stream(springArguments), Stream.of(argument))
                .toArray(String[]::new);
    }

    static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(Registry.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(springArguments);
        }
        return context;
    }

    static synchronized void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand.");
    }
}
