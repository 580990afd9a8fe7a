package org.childprotection.registry.replay.witness;

import org.childprotection.registry.integrity.MerkleLogKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.MerkleTree;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.replay.witness.WitnessStore.Refusal;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One round of a witness over both logs: fetch the signed head, check the registry's signature with the key given
 * out of band, prove it consistent with the last head held, keep it, cosign it. What it will not cosign it keeps as
 * evidence.
 */
public class Witness {

    /** How a round ended. */
    public enum Outcome { COSIGNED, REFUSED }

    private final RegistryClient registry;
    private final PublicKey registryKey;
    private final WitnessKey key;
    private final WitnessStore store;
    private final PrintWriter out;
    private final Clock clock;

    public Witness(RegistryClient registry, PublicKey registryKey, WitnessKey key, WitnessStore store,
                   PrintWriter out, Clock clock) {
        this.registry = registry;
        this.registryKey = registryKey;
        this.key = key;
        this.store = store;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Both logs, the events first. An unreachable registry or an error answer to GET or POST is an IOException
     * (try again later); anything the witness will not cosign is {@link Outcome#REFUSED}, its evidence kept.
     */
    public Outcome round() throws IOException, InterruptedException {
        JsonNode integrity = registry.integrity();
        List<Head> offered = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        offer(MerkleLogKind.EVENTS, integrity, offered, refusals);
        if (integrity.hasNonNull("accessLog")) {
            offer(MerkleLogKind.ACCESS_LOG, integrity.get("accessLog"), offered, refusals);
        }
        List<Head> accepted = new ArrayList<>();
        for (Head head : offered) {
            check(head).ifPresentOrElse(refusals::add, () -> accepted.add(head));
        }
        // the evidence is on disk before anything else can fail
        for (Refusal refusal : refusals) {
            out.println(refusal.message() + " (evidence: " + store.evidence(refusal, clock.instant()) + ")");
        }
        out.flush();
        for (Head head : accepted) {
            cosign(head);
        }
        out.flush();
        return refusals.isEmpty() ? Outcome.COSIGNED : Outcome.REFUSED;
    }

    private void offer(MerkleLogKind log, JsonNode json, List<Head> offered, List<Refusal> refusals) throws IOException {
        Head head;
        try {
            head = Head.from(log, json);
            head.root();
            head.instant();
            head.signatureBytes();
        } catch (RuntimeException e) {
            throw new IOException("the registry's " + log.apiName() + " head cannot be read: " + e.getMessage(), e);
        }
        if (Ed25519Keys.verify(registryKey, head.message(), head.signatureBytes())) {
            offered.add(head);
        } else {
            refusals.add(new Refusal(log, store.latest(log).orElse(null), head, null,
                    "the head's signature is not the registry's (checked with --registry-key)"));
        }
    }

    private Optional<Refusal> check(Head offered) throws IOException, InterruptedException {
        MerkleLogKind log = offered.log();
        Optional<Head> latest = store.latest(log);
        if (latest.isEmpty()) {
            out.println(log.apiName() + ": no head held; trusting this first one (" + offered + ")");
            return Optional.empty();
        }
        Head held = latest.get();
        if (offered.treeSize() < held.treeSize()) {
            return refuse(held, offered, null, "the tree shrank from " + held.treeSize() + " to "
                    + offered.treeSize() + " leaves");
        }
        if (offered.instant().isBefore(held.instant())) {
            return refuse(held, offered, null, "the head is older than the one held");
        }
        if (offered.treeSize() == held.treeSize()) {
            return offered.rootHash().equals(held.rootHash()) ? Optional.empty()
                    : refuse(held, offered, null, "a tree of the same size with another root");
        }
        JsonNode proof;
        try {
            proof = registry.consistency(log, held.treeSize(), offered.treeSize());
        } catch (RegistryClient.ErrorAnswer e) {
            if (e.status() >= 500) {
                throw e;
            }
            ObjectNode answer = EventJson.mapper().createObjectNode().put("status", e.status())
                    .put("answer", e.getMessage());
            return refuse(held, offered, answer, "the registry did not prove the held head a prefix of the offered "
                    + "one: " + e.getMessage());
        }
        if (!consistent(held, offered, proof)) {
            return refuse(held, offered, proof, "the consistency proof from size " + held.treeSize() + " to size "
                    + offered.treeSize() + " does not verify: the log was rewritten");
        }
        return Optional.empty();
    }

    private static boolean consistent(Head held, Head offered, JsonNode answer) {
        JsonNode proof = answer.get("proof");
        if (proof == null || !proof.isArray() || answer.path("from").asLong(-1) != held.treeSize()
                || answer.path("to").asLong(-1) != offered.treeSize()) {
            return false;
        }
        List<byte[]> hashes = new ArrayList<>();
        try {
            proof.forEach(h -> hashes.add(HexFormat.of().parseHex(h.asText())));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MerkleTree.verifyConsistency(held.treeSize(), offered.treeSize(), held.root(), offered.root(), hashes);
    }

    private static Optional<Refusal> refuse(Head held, Head offered, JsonNode proof, String why) {
        return Optional.of(new Refusal(offered.log(), held, offered, proof, why));
    }

    /** Keeps the head first: once the witness has seen it, a later smaller or other tree is caught even if the post fails. */
    private void cosign(Head head) throws IOException, InterruptedException {
        Optional<Head> held = store.latest(head.log());
        if (held.isEmpty() || !held.get().equals(head)) {
            store.accept(head);
        }
        byte[] signature = key.cosign(head.message());
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("log", head.log().apiName());
        body.put("treeSize", head.treeSize());
        body.put("rootHash", head.rootHash());
        body.put("publicKey", Base64.getEncoder().encodeToString(key.keys().getPublic().getEncoded()));
        body.put("signature", Base64.getEncoder().encodeToString(signature));
        registry.cosign(body.toString());
        out.println(head.log().apiName() + ": cosigned " + head);
    }
}
