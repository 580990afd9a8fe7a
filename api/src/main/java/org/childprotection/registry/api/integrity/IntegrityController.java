package org.childprotection.registry.api.integrity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.api.cases.VisibleCases;
import org.childprotection.registry.api.problem.Problems;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.api.reads.Reads;
import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.Cosignatures;
import org.childprotection.registry.integrity.IntegrityVerifier;
import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.integrity.SigningGuard;
import org.childprotection.registry.integrity.Proofs;
import org.childprotection.registry.integrity.SignedTreeHead;
import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.registry.integrity.TreeHead;
import org.childprotection.registry.integrity.TreeHeads;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tamper evidence (docs/tamper-evident-log.md): the signed tree head, proofs, and a full verification of the log. */
@RestController
public class IntegrityController {

    public record Consistency(long from, long to, List<String> proof) {
    }

    /** The latest head of the event log and whether the signer has stopped (then the head is the table's last). */
    public record Integrity(long treeSize, String rootHash, String timestamp, String signature, String publicKey,
                            String keyId, List<Cosignature.Published> cosignatures, Signing signing,
                            AccessLogHead accessLog) {
    }

    /** The access log's latest head (its own Merkle log, the same key), with its cosignatures. */
    public record AccessLogHead(long treeSize, String rootHash, String timestamp, String signature, String keyId,
                                List<Cosignature.Published> cosignatures, Signing signing) {
    }

    public record Signing(boolean stopped, String reason, Long firstBadPosition) {
    }

    public record CaseProofs(String caseId, long treeSize, String rootHash, String timestamp, String signature,
                             List<Proofs.Inclusion> proofs) {
    }

    private final IntegrityLogs logs;
    private final TreeHeads heads;
    private final SigningKey key;
    private final Proofs proofs;
    private final IntegrityVerifier verifier;
    private final VisibleCases cases;
    private final Reads reads;
    private final Cosignatures cosignatures;
    private final SigningGuard guard;

    public IntegrityController(IntegrityLogs logs, SigningKey key, Proofs proofs, IntegrityVerifier verifier,
                               VisibleCases cases, Reads reads, Cosignatures cosignatures,
                               SigningGuard guard) {
        this.cosignatures = cosignatures;
        this.guard = guard;
        this.logs = logs;
        this.heads = logs.heads(MerkleLogKind.EVENTS);
        this.key = key;
        this.proofs = proofs;
        this.verifier = verifier;
        this.cases = cases;
        this.reads = reads;
    }

    /**
     * A witness's run ({@code replay-tools witness} says so in {@code X-Registry-Client}) is recorded in the access log
     * with the operating-system user it ran as; the head itself holds no child's data.
     */
    @GetMapping("/api/integrity")
    Integrity latest(@RequestHeader(name = "X-Registry-Client", required = false) String client,
                     @RequestHeader(name = "X-Registry-OS-User", required = false) String osUser,
                     @AuthenticationPrincipal RegistryUser user) {
        if (client != null && client.contains("witness")) {
            reads.withDetail(user, AccessLog.Resource.WITNESS, Map.of("tool", limited(client),
                    "osUser", osUser == null ? "" : limited(osUser), "login", user.username()));
        }
        PublishedHead head = published(MerkleLogKind.EVENTS, current());
        AccessLogHead accessLog = logs.heads(MerkleLogKind.ACCESS_LOG).signLatest()
                .map(h -> published(MerkleLogKind.ACCESS_LOG, h))
                .map(h -> new AccessLogHead(h.treeSize(), h.rootHash(), h.timestamp(), h.signature(), h.keyId(),
                        h.cosignatures(), signing(MerkleLogKind.ACCESS_LOG))).orElse(null);
        return new Integrity(head.treeSize(), head.rootHash(), head.timestamp(), head.signature(), head.publicKey(),
                head.keyId(), head.cosignatures(), signing(MerkleLogKind.EVENTS), accessLog);
    }

    /** A header's value as kept: at most 100 characters. */
    private static String limited(String value) {
        return value.length() > 100 ? value.substring(0, 100) : value;
    }

    private Signing signing(MerkleLogKind kind) {
        return guard.stopped(kind.apiName()).map(s -> new Signing(true, s.reason(), s.firstBadPosition()))
                .orElse(new Signing(false, null, null));
    }

    @GetMapping("/api/integrity/verify")
    IntegrityVerifier.Result verify() {
        return verifier.verify(key.keyRing());
    }

    /** From any size up to a signed head's: a witness asks from the last head it holds, whatever the table says. */
    @GetMapping("/api/integrity/consistency")
    ResponseEntity<?> consistency(@RequestParam @Min(0) long from, @RequestParam @Min(0) long to,
                                  @RequestParam(defaultValue = MerkleLogKind.EVENTS_NAME)
                                  @Pattern(regexp = "events|access-log", message = "must be events or access-log")
                                  String log) {
        MerkleLogKind kind = MerkleLogKind.named(log);
        Optional<TreeHead> second = logs.heads(kind).ofSize(to);
        if (from > to || second.isEmpty()) {
            ProblemDetail problem = Problems.invalid("no-such-tree-heads",
                    "to must be the size of a signed tree head, and from <= to.",
                    List.of(new Problems.FieldError(second.isEmpty() ? "to" : "from",
                            second.isEmpty() ? "is not the size of a signed tree head" : "is greater than to")));
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
        }
        try {
            return ResponseEntity.ok(new Consistency(from, to, logs.proofs(kind).consistency(from, to)));
        } catch (DataAccessException e) {
            return Problems.answer(Problems.of(HttpStatus.CONFLICT, "no-consistency-proof", "The Merkle log cannot "
                    + "prove that the tree of size " + from + " is a prefix of the head of size " + to
                    + ": the subtrees the proof needs are not in it."));
        }
    }

    @GetMapping("/api/cases/{caseId}/proof")
    CaseProofs caseProofs(@PathVariable String caseId, @AuthenticationPrincipal RegistryUser user) {
        cases.check(caseId, user);
        TreeHead head = current();
        reads.ofCase(user, AccessLog.Resource.PROOF, caseId);
        SignedTreeHead signed = SignedTreeHead.of(head, key.publicKeyBase64());
        return new CaseProofs(caseId, signed.treeSize(), signed.rootHash(), signed.timestamp(), signed.signature(),
                proofs.ofCase(caseId, head));
    }

    /** The latest head, signing one first when the log has grown since. */
    private TreeHead current() {
        return heads.signLatest().orElseThrow(() -> new NoSignedHead());
    }

    private PublishedHead published(MerkleLogKind kind, TreeHead head) {
        return PublishedHead.of(SignedTreeHead.of(head, key.keyRing()),
                cosignatures.of(kind.apiName(), head.treeSize(), head.rootHash()));
    }

    /** Nothing signed and nothing may be signed: the signer stopped before the table had a head. */
    static class NoSignedHead extends RuntimeException {
        NoSignedHead() {
            super("No signed tree head");
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(NoSignedHead.class)
    ResponseEntity<ProblemDetail> noSignedHead() {
        return Problems.answer(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "no-signed-tree-head",
                "The registry holds no signed tree head and its signer has stopped: " + guard.stops().values().stream()
                        .map(org.childprotection.registry.integrity.SigningStop::reason).findFirst().orElse("")));
    }
}
