package org.childprotection.registry.replay;

import org.childprotection.registry.integrity.IntegrityVerifier;
import org.childprotection.registry.integrity.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;

/** {@code verify}: recomputes the whole log against the Merkle log and every signed tree head. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the whole event log: recompute every event's Merkle leaf in log order and every signed "
                + "tree head's root and signature.",
                "Names the first bad global position (a changed, deleted, inserted or moved event); exit code 1 then."})
public class VerifyCommand implements Callable<Integer> {

    @Option(names = "--public-key", paramLabel = "<file>",
            description = "The registry's Ed25519 public key (PEM or base64), obtained independently. "
                    + "Default: the configured key file's .pub.")
    Path publicKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PublicKey key = publicKey == null
                ? ReplayTools.context().getBean(SigningKey.class).publicKey()
                : SigningKey.publicKeyFrom(Files.readString(publicKey));
        IntegrityVerifier.Result result = ReplayTools.context().getBean(IntegrityVerifier.class).verify(key);
        if (result.verified()) {
            spec.commandLine().getOut().println("verified: " + result.checkedEvents() + " events, every signed tree head");
            spec.commandLine().getOut().flush();
            return 0;
        }
        spec.commandLine().getOut().println("NOT VERIFIED at global position " + result.firstBadPosition() + ": "
                + result.detail() + " (" + result.checkedEvents() + " events checked before it)");
        spec.commandLine().getOut().flush();
        return 1;
    }
}
