package org.childprotection.registry.replay;

import org.childprotection.registry.integrity.IntegrityVerifier;
import org.childprotection.registry.integrity.KeyRing;
import org.childprotection.registry.integrity.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code verify}: recomputes the whole log against the Merkle log and every signed tree head, then the access log
 * against its own.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the whole event log: recompute every event's Merkle leaf in log order and every signed "
                + "tree head's root and signature, with the key valid for its size (and the key it names); then the "
                + "access log the same way against its own Merkle log and signed access-log tree heads.",
                "Names the first bad global position (a changed, deleted, inserted or moved event) and the first bad "
                + "access-log row id; exit code 1 when either log does not verify."})
public class VerifyCommand implements Callable<Integer> {

    @Option(names = "--public-key", paramLabel = KeyArgument.LABEL, converter = KeyArgument.class,
            description = {"The registry's Ed25519 public key (PEM or base64), obtained independently; repeat it with "
                    + "the tree sizes each key signed after a key rotation (e.g. old.pub@..1000 new.pub@1001..).",
                    "Default: the configured signing key and retired keys (registry.integrity.retired-keys)."})
    List<KeyRing.Key> publicKeys = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KeyRing keys = publicKeys.isEmpty() ? ReplayTools.context().getBean(SigningKey.class).keyRing()
                : new KeyRing(publicKeys);
        IntegrityVerifier.Result result = ReplayTools.context().getBean(IntegrityVerifier.class).verify(keys);
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
