package org.childprotection.registry.api.integrity;

import jakarta.validation.constraints.Min;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.api.cases.VisibleCases;
import org.childprotection.registry.api.problem.Problems;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.api.web.RequestIds;
import org.childprotection.registry.integrity.IntegrityVerifier;
import org.childprotection.registry.integrity.Proofs;
import org.childprotection.registry.integrity.SignedTreeHead;
import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.registry.integrity.TreeHead;
import org.childprotection.registry.integrity.TreeHeads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Tamper evidence (docs/tamper-evident-log.md): the signed tree head, proofs, and a full verification of the log. */
@RestController
public class IntegrityController {

    public record Consistency(long from, long to, List<String> proof) {
    }

    public record CaseProofs(String caseId, long treeSize, String rootHash, String timestamp, String signature,
                             List<Proofs.Inclusion> proofs) {
    }

    private final TreeHeads heads;
    private final SigningKey key;
    private final Proofs proofs;
    private final IntegrityVerifier verifier;
    private final VisibleCases cases;
    private final AccessLog accessLog;
    private final Clock clock;

    public IntegrityController(TreeHeads heads, SigningKey key, Proofs proofs, IntegrityVerifier verifier,
                               VisibleCases cases, AccessLog accessLog, Clock clock) {
        this.heads = heads;
        this.key = key;
        this.proofs = proofs;
        this.verifier = verifier;
        this.cases = cases;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/api/integrity")
    SignedTreeHead latest() {
        return SignedTreeHead.of(current(), key.publicKeyBase64());
    }

    @GetMapping("/api/integrity/verify")
    IntegrityVerifier.Result verify() {
        return verifier.verify(key.keyRing());
    }

    @GetMapping("/api/integrity/consistency")
    ResponseEntity<?> consistency(@RequestParam @Min(0) long from, @RequestParam @Min(0) long to) {
        Optional<TreeHead> first = heads.ofSize(from);
        Optional<TreeHead> second = heads.ofSize(to);
        if (from > to || first.isEmpty() || second.isEmpty()) {
            ProblemDetail problem = Problems.invalid("no-such-tree-heads",
                    "from and to must be the sizes of two signed tree heads, from <= to.",
                    List.of(new Problems.FieldError(first.isEmpty() ? "from" : "to",
                            "is not the size of a signed tree head, or from > to")));
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
        }
        return ResponseEntity.ok(new Consistency(from, to, proofs.consistency(from, to)));
    }

    @GetMapping("/api/cases/{caseId}/proof")
    CaseProofs caseProofs(@PathVariable String caseId, @AuthenticationPrincipal RegistryUser user) {
        cases.check(caseId, user);
        TreeHead head = current();
        accessLog.record(clock.instant(), user.username(), user.role().name(), caseId, AccessLog.Resource.PROOF,
                RequestIds.origin());
        SignedTreeHead signed = SignedTreeHead.of(head, key.publicKeyBase64());
        return new CaseProofs(caseId, signed.treeSize(), signed.rootHash(), signed.timestamp(), signed.signature(),
                proofs.ofCase(caseId, head));
    }

    /** The latest head, signing one first when the log has grown since. */
    private TreeHead current() {
        return heads.signLatest().orElseThrow();
    }
}
