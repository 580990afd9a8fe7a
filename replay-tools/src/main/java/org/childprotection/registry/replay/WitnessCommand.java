package org.childprotection.registry.replay;

import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.replay.witness.RegistryClient;
import org.childprotection.registry.replay.witness.Witness;
import org.childprotection.registry.replay.witness.WitnessKey;
import org.childprotection.registry.replay.witness.WitnessStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code witness}: what an oversight body runs on its own machine (docs/witness.md). Talks to the registry over
 * HTTP(S) only; needs no database.
 */
@Command(name = "witness", mixinStandardHelpOptions = true,
        description = {"Witness the registry's signed tree heads: check each head's signature with the registry's key, "
                + "prove it consistent with the last head held, keep it and post a cosignature.",
                "Exit 0: cosigned; 3: the registry offered a head the witness will not cosign (a shrunk tree, an "
                        + "older head, another root, a failed consistency proof, a bad signature), evidence kept in "
                        + "the store; 1: the registry could not be reached or answered an error (with --once)."})
public class WitnessCommand implements Callable<Integer> {

    static final int REFUSED = 3;

    @Option(names = "--registry", required = true, paramLabel = "URL", description = "The registry's base URL.")
    URI registry;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The witness's login (role WITNESS).")
    String user;

    @Option(names = "--password-file", required = true, paramLabel = "FILE",
            description = "A file holding the login's password (a final newline is ignored).")
    Path passwordFile;

    @Option(names = "--registry-key", required = true, paramLabel = "PUB.pem",
            description = "The registry's Ed25519 public key, obtained out of band (PEM).")
    Path registryKey;

    @Option(names = "--key", required = true, paramLabel = "WITNESS.pem",
            description = "The witness's own Ed25519 key (PKCS#8 PEM); created with WITNESS.pem.pub beside it when missing.")
    Path key;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Where the witness keeps the heads it "
            + "has seen and the evidence of what it refused.")
    Path store;

    @ArgGroup(multiplicity = "1")
    Schedule schedule;

    static class Schedule {
        @Option(names = "--once", required = true, description = "One round, then exit (for cron).")
        boolean once;

        @Option(names = "--every", required = true, paramLabel = "PERIOD", converter = Periods.class,
                description = "A round every PERIOD (30s, 5m, 1h, or ISO-8601 like PT5M) until a refusal.")
        Duration every;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Witness witness;
        try {
            PublicKey pinned = Ed25519Keys.publicKey(Files.readString(registryKey));
            witness = new Witness(new RegistryClient(registry, user, password()), pinned,
                    WitnessKey.loadOrCreate(key), new WitnessStore(store), out, Clock.systemUTC());
        } catch (IOException | IllegalArgumentException e) {
            err.println("witness: " + e.getMessage());
            err.flush();
            return 1;
        }
        while (true) {
            try {
                if (witness.round() == Witness.Outcome.REFUSED) {
                    return REFUSED;
                }
                if (schedule.once) {
                    return 0;
                }
            } catch (IOException e) {
                err.println("witness: " + e.getMessage() + (schedule.once ? "" : "; trying again in " + schedule.every));
                err.flush();
                if (schedule.once) {
                    return 1;
                }
            }
            Thread.sleep(schedule.every.toMillis());
        }
    }

    private String password() throws IOException {
        return Files.readString(passwordFile).replaceFirst("\\r?\\n$", "");
    }

    /** 30s, 5m, 1h, or an ISO-8601 duration. */
    public static class Periods implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration period;
            if (value.matches("\\d+[smh]")) {
                long n = Long.parseLong(value.substring(0, value.length() - 1));
                period = switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                try {
                    period = Duration.parse(value);
                } catch (RuntimeException e) {
                    throw new CommandLine.TypeConversionException("'" + value + "' is not a period: say 30s, 5m, 1h "
                            + "or an ISO-8601 duration such as PT5M");
                }
            }
            if (period.isZero() || period.isNegative()) {
                throw new CommandLine.TypeConversionException("the period must be longer than zero");
            }
            return period;
        }
    }
}
