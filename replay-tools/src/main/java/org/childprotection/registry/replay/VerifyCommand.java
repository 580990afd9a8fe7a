package org.childprotection.registry.replay;

import org.childprotection.registry.integrity.IntegrityVerifier;
import org.childprotection.registry.integrity.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;

/**
 * {@code verify}: recomputes the whole log against the Merkle log and every signed tree head, then the access log
 * against its own.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the whole event log: recompute every event's Merkle leaf in log order and every signed "
                + "tree head's root and signature; then the access log the same way against its own Merkle log and "
                + "signed access-log tree heads.",
                "Names the first bad global position (a changed, deleted, inserted or moved event) and the first bad "
                + "access-log row id; exit code 1 when either log does not verify."})
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
        PrintWriter out = spec.commandLine().getOut();
        if (result.firstBadPosition() == null) {
            out.println("verified: " + result.checkedEvents() + " events, every signed tree head");
        } else {
            out.println("NOT VERIFIED at global position " + result.firstBadPosition() + ": "
                    + result.detail() + " (" + result.checkedEvents() + " events checked before it)");
        }
        IntegrityVerifier.AccessLogResult access = result.accessLog();
        if (access.verified()) {
            out.println("verified: " + access.checkedEntries() + " access-log rows, every signed access-log tree head");
        } else {
            out.println("NOT VERIFIED at access-log row " + access.firstBadPosition() + ": " + access.detail()
                    + " (" + access.checkedEntries() + " access-log rows checked before it)");
        }
        out.flush();
        return result.verified() ? 0 : 1;
    }
}
