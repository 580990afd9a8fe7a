package org.childprotection.registry.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.Ed25519Keys;

import picocli.CommandLine;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The cosignatures of an export's head, checked against the witness keys the reader obtained from the witnesses: how
 * many hold, whose are missing, and what to report. A cosignature that does not verify (with the key given or, for a
 * witness whose key was not given, with the key the file carries) means the file was altered.
 */
record Witnessed(int valid, List<String> missing, List<String> report, Optional<String> altered) {

    /** A witness key given on the command line ({@code --witness-key <file>}), named by its file. */
    record WitnessKey(String name, PublicKey key) {
    }

    static final class WitnessKeyArgument implements CommandLine.ITypeConverter<WitnessKey> {
        @Override
        public WitnessKey convert(String file) {
            return new WitnessKey(file, KeyArgument.publicKey(Path.of(file)));
        }
    }

    static Witnessed check(JsonNode cosignatures, byte[] headMessage, List<WitnessKey> given) {
        List<Cosignature> inFile = new ArrayList<>();
        for (JsonNode node : cosignatures) {
            try {
                inFile.add(Cosignature.of(EventJson.mapper().treeToValue(node, Cosignature.Published.class)));
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                return altered("a cosignature in the file cannot be read: " + node);
            }
        }
        int valid = 0;
        List<String> missing = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (WitnessKey witness : given) {
            String id = Ed25519Keys.keyId(witness.key());
            Optional<Cosignature> cosignature = inFile.stream()
                    .filter(c -> Arrays.equals(c.publicKey().getEncoded(), witness.key().getEncoded())).findFirst();
            if (cosignature.isEmpty()) {
                missing.add("the witness key " + witness.name() + " (key " + id + ")");
                report.add("cosignature by the witness key " + witness.name() + " (key " + id + "): none in the file");
            } else if (!cosignature.get().verifies(headMessage)) {
                return altered("the cosignature of " + cosignature.get().witness() + " (key " + id + ", "
                        + witness.name() + ") is not valid for this tree head: the file was altered");
            } else {
                valid++;
                report.add("cosignature by " + cosignature.get().witness() + " (key " + id + ", " + witness.name()
                        + "): valid");
            }
        }
        for (Cosignature other : inFile) {
            if (given.stream().noneMatch(w -> Arrays.equals(w.key().getEncoded(), other.publicKey().getEncoded()))) {
                if (!other.verifies(headMessage)) {
                    return altered("the cosignature of " + other.witness() + " (key " + other.keyId()
                            + ") is not valid for this tree head: the file was altered");
                }
                report.add("cosignature by " + other.witness() + " (key " + other.keyId() + "): not checked against a "
                        + "key of yours (give it with --witness-key)");
            }
        }
        report.add("witnesses: " + valid + " of the " + given.size() + " witness keys given cosigned the head; "
                + inFile.size() + " cosignature(s) in the file");
        return new Witnessed(valid, missing, report, Optional.empty());
    }

    private static Witnessed altered(String why) {
        return new Witnessed(0, List.of(), List.of(), Optional.of(why));
    }
}
