package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.CanonicalEvent;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.KeyRing;
import org.childprotection.registry.integrity.MerkleTree;
import org.childprotection.registry.integrity.TreeHead;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code verify-export <file>}: checks an export made with {@code --with-proofs} offline, with nothing but the file,
 * the registry's public keys and the witnesses' keys: the tree head's signature (by the key valid for its size), each
 * event's leaf hash recomputed from its own fields, each audit path up to the signed root, and the witnesses'
 * cosignatures of the head. Needs no database.
 */
@Command(name = "verify-export", mixinStandardHelpOptions = true,
        description = {"Verify, offline, an export made with 'export --with-proofs': the signed tree head, every "
                + "event's leaf hash recomputed from the event itself, its inclusion proof, and the witnesses' "
                + "cosignatures of the head. An access-log export ('export --access-log --with-proofs', recognised by its "
                + "first line) is checked the same way against its signed access-log tree head, every row's leaf hash "
                + "recomputed from the row.",
                "Needs no database. Exit code 1 when anything does not verify."})
public class VerifyExportCommand implements Callable<Integer> {

    private static final HexFormat HEX = HexFormat.of();

    @Parameters(paramLabel = "<file>", description = "The JSON Lines export.")
    Path file;

    @Option(names = "--public-key", paramLabel = KeyArgument.LABEL, converter = KeyArgument.class,
            description = {"The registry's Ed25519 public key (PEM or base64), obtained independently of the export; "
                    + "repeat it with the tree sizes each key signed after a key rotation (old.pub@..1000 new.pub@1001..).",
                    "Without it the key in the file is used, which proves nothing about who signed."})
    List<KeyRing.Key> publicKeys = new ArrayList<>();

    @Option(names = "--witness-key", paramLabel = "<file>", converter = Witnessed.WitnessKeyArgument.class,
            description = "A witness's Ed25519 public key (PEM as `openssl pkey -pubout` writes it, or base64 DER), "
                    + "obtained from the witness; repeatable. Its cosignature of the head is checked.")
    List<Witnessed.WitnessKey> witnesses = new ArrayList<>();

    @Option(names = "--min-witnesses", paramLabel = "<n>",
            description = "Fail unless at least <n> of the --witness-key keys have a valid cosignature of the head.")
    Integer minWitnesses;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (minWitnesses != null && (minWitnesses < 1 || minWitnesses > witnesses.size())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-witnesses " + minWitnesses
                    + " needs at least as many --witness-key files (" + witnesses.size() + " given), and at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && AccessLogExportVerifier.recognises(lines.get(0))) {
            return AccessLogExportVerifier.verify(lines, publicKeys, out, spec.commandLine().getErr());
        }
        if (lines.isEmpty() || !EventJson.mapper().readTree(lines.get(0)).has("treeHead")) {
            return fail(out, "the file does not start with a signed tree head; export it with --with-proofs");
        }
        JsonNode head = EventJson.mapper().readTree(lines.get(0)).get("treeHead");
        long treeSize = head.get("treeSize").asLong();
        byte[] root = HEX.parseHex(head.get("rootHash").asText());
        byte[] headMessage = TreeHead.message(treeSize, root, Instant.parse(head.get("timestamp").asText()));
        KeyRing keys = publicKeys.isEmpty() ? KeyRing.of(Ed25519Keys.publicKey(head.get("publicKey").asText()))
                : new KeyRing(publicKeys);
        if (publicKeys.isEmpty()) {
            spec.commandLine().getErr().println("warning: checking against the public key in the file itself; "
                    + "pass --public-key with the registry's key obtained independently");
        }
        String keyId = head.hasNonNull("keyId") ? head.get("keyId").asText() : null;
        Optional<String> unsigned = keys.problem(treeSize, keyId, headMessage,
                Base64.getDecoder().decode(head.get("signature").asText()));
        if (unsigned.isPresent()) {
            return fail(out, "the tree head's signature does not hold: " + unsigned.get());
        }
        int checked = 0;
        for (String text : lines.subList(1, lines.size())) {
            JsonNode line = EventJson.mapper().readTree(text);
            long globalIndex = line.get("globalIndex").asLong();
            byte[] leafHash = new CanonicalEvent(globalIndex, line.get("eventId").asText(), line.get("caseId").asText(),
                    line.get("sequence").asLong(), line.get("payloadType").asText(),
                    line.get("payloadRevision").isNull() ? null : line.get("payloadRevision").asText(),
                    line.get("timestamp").asText(), line.get("metadata").toString(), line.get("payload").toString())
                    .leafHash();
            if (!line.hasNonNull("leafIndex")) {
                return fail(out, "event " + globalIndex + " has no proof: it was recorded after the tree head");
            }
            if (!Arrays.equals(leafHash, HEX.parseHex(line.get("leafHash").asText()))) {
                return fail(out, "event " + globalIndex + " does not match its leaf hash: it was altered");
            }
            List<byte[]> path = new ArrayList<>();
            line.get("auditPath").forEach(h -> path.add(HEX.parseHex(h.asText())));
            if (!MerkleTree.verifyInclusion(line.get("leafIndex").asLong(), treeSize, leafHash, path, root)) {
                return fail(out, "event " + globalIndex + " is not in the signed tree of size " + treeSize);
            }
            checked++;
        }
        Witnessed witnessed = Witnessed.check(head.path("cosignatures"), headMessage, witnesses);
        if (witnessed.altered().isPresent()) {
            return fail(out, witnessed.altered().get());
        }
        if (minWitnesses != null && witnessed.valid() < minWitnesses) {
            return fail(out, "only " + witnessed.valid() + " of the " + witnesses.size() + " witness keys given cosigned "
                    + "the tree head of size " + treeSize + ", and --min-witnesses asks for " + minWitnesses
                    + ": no cosignature by " + String.join(", ", witnessed.missing()));
        }
        out.println("verified: " + checked + " events are in the signed tree head of size " + treeSize
                + " (" + head.get("timestamp").asText() + ", root " + head.get("rootHash").asText()
                + (keyId == null ? "" : ", signed by key " + keyId) + ")");
        witnessed.report().forEach(out::println);
        out.flush();
        return 0;
    }

    private static int fail(PrintWriter out, String why) {
        out.println("NOT VERIFIED: " + why);
        out.flush();
        return 1;
    }
}
