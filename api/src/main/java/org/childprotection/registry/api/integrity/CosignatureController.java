package org.childprotection.registry.api.integrity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.api.problem.Problems;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.Cosignatures;
import org.childprotection.registry.integrity.TreeHead;
import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.kernel.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Witnesses post their cosignatures of signed heads here (docs/tamper-evident-log.md, "Witnesses"). A cosignature is
 * taken when it verifies over a head the registry signed, and its key is a configured witness's (named as
 * configured; the signature itself proves who posted it) or the poster has the WITNESS role (named by the username).
 */
@RestController
public class CosignatureController {

    public record Posted(@Pattern(regexp = "events|access-log", message = "must be events or access-log") String log,
                         @NotNull @Min(0) Long treeSize,
                         @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits")
                         String rootHash,
                         @NotBlank String publicKey,
                         @NotBlank String signature) {

        String logName() {
            return log == null ? MerkleLogKind.EVENTS_NAME : log;
        }
    }

    public record Received(String log, long treeSize, String witness, String keyId, String receivedAt) {
    }

    private final IntegrityLogs logs;
    private final Cosignatures cosignatures;
    private final ConfiguredWitnesses witnesses;
    private final Clock clock;

    public CosignatureController(IntegrityLogs logs, Cosignatures cosignatures, ConfiguredWitnesses witnesses,
                                 Clock clock) {
        this.logs = logs;
        this.cosignatures = cosignatures;
        this.witnesses = witnesses;
        this.clock = clock;
    }

    @PostMapping("/api/integrity/cosignatures")
    @ResponseStatus(HttpStatus.CREATED) // as the ResponseEntity below; this is what the document shows
    ResponseEntity<?> cosign(@Valid @RequestBody Posted posted, @AuthenticationPrincipal RegistryUser user) {
        MerkleLogKind kind = MerkleLogKind.named(posted.logName());
        Optional<TreeHead> head = logs.heads(kind).ofSize(posted.treeSize())
                .filter(h -> Arrays.equals(h.rootHash(), HexFormat.of().parseHex(posted.rootHash())));
        if (head.isEmpty()) {
            return invalid("no-such-tree-head", "The registry signed no head of this size and root.", "treeSize");
        }
        PublicKey key;
        byte[] signature;
        try {
            key = Ed25519Keys.publicKey(posted.publicKey());
            signature = Base64.getDecoder().decode(posted.signature());
        } catch (IllegalArgumentException e) {
            return invalid("bad-cosignature", "publicKey must be an Ed25519 public key (base64 of its X.509 encoding, "
                    + "or PEM) and signature base64.", "publicKey");
        }
        Cosignature offered = new Cosignature(null, key, signature, clock.instant());
        if (!offered.verifies(kind.headMessage(head.get()))) {
            return invalid("bad-cosignature", "The signature does not verify over this head with this key.",
                    "signature");
        }
        Optional<String> witness = witnesses.nameOf(key)
                .or(() -> Optional.ofNullable(user).filter(u -> u.role() == Role.WITNESS).map(RegistryUser::username));
        if (witness.isEmpty()) {
            return Problems.answer(Problems.of(HttpStatus.FORBIDDEN, "not-a-witness", "This key is not a configured "
                    + "witness's (registry.integrity.witnesses) and the poster has not the WITNESS role."));
        }
        Cosignature cosignature = new Cosignature(witness.get(), key, signature, offered.receivedAt());
        cosignatures.add(kind.apiName(), head.get(), cosignature);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Received(kind.apiName(), posted.treeSize(),
                cosignature.witness(), cosignature.keyId(), cosignature.receivedAt().toString()));
    }

    private static ResponseEntity<ProblemDetail> invalid(String rule, String detail, String field) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Problems.invalid(rule, detail,
                List.of(new Problems.FieldError(field, detail))));
    }
}
