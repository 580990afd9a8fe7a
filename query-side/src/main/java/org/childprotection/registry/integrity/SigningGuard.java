package org.childprotection.registry.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signer never signs a rewritten history (docs/tamper-evident-log.md): before a new head is signed, the tree is
 * proven consistent (RFC 9162) with the last head the registry signed, as its own record outside the database
 * says. A tree that shrank or is not consistent stops the signing of that log, and it stays stopped until the process
 * is restarted, which checks again: a maintainer must find out what happened first. Commands go on being recorded
 * meanwhile; only signing stops.
 */
@Component
public class SigningGuard {

    private static final Logger log = LoggerFactory.getLogger(SigningGuard.class);

    private final SignerRecord record;
    private final SignerRecordCheck check;
    private final Clock clock;
    private final Map<String, SigningStop> stops = new ConcurrentHashMap<>();

    public SigningGuard(SignerRecord record, SignerRecordCheck check, Clock clock) {
        this.record = record;
        this.check = check;
        this.clock = clock;
    }

    public Optional<SigningStop> stopped(String logName) {
        return Optional.ofNullable(stops.get(logName));
    }

    public Map<String, SigningStop> stops() {
        return Map.copyOf(stops);
    }

    /**
     * Whether a head of this tree may be signed: true when it continues the last signed head (or nothing was signed
     * yet); otherwise signing of the log stops, and this says false from then on.
     *
     * @param reference the last head signed: the record's, or when the record is new the database's latest head
     *                  that this key signed
     */
    public boolean admits(String logName, long size, byte[] root, MerkleTree.Nodes nodes,
                          Optional<SignerRecord.Head> reference) {
        if (stops.containsKey(logName)) {
            return false;
        }
        if (reference.isEmpty()) {
            return true;
        }
        SignerRecord.Head signed = reference.get();
        if (size < signed.treeSize()) {
            return stop(logName, "the " + logName + " Merkle log has " + size + " leaves, but the registry signed a "
                    + "head of " + signed.treeSize() + " at " + TreeHead.format(signed.timestamp())
                    + ": the log shrank (a database restored from an older backup, or leaves removed)");
        }
        boolean consistent;
        try {
            List<byte[]> proof = MerkleTree.consistencyProof(nodes, signed.treeSize(), size);
            consistent = MerkleTree.verifyConsistency(signed.treeSize(), size, signed.rootHash(), root, proof);
        } catch (DataAccessException e) {
            consistent = false; // a subtree the proof needs is missing from the Merkle tables
        }
        if (!consistent) {
            return stop(logName, "the " + logName + " Merkle log of " + size + " leaves is not consistent with the "
                    + "head of " + signed.treeSize() + " (root " + HexFormat.of().formatHex(signed.rootHash())
                    + ") that the registry signed at " + TreeHead.format(signed.timestamp())
                    + ": its history was rewritten");
        }
        return true;
    }

    private boolean stop(String logName, String reason) {
        Long firstBad = null;
        String where = "";
        Optional<SignerRecordCheck.Mismatch> mismatch = check.check(MerkleLogKind.named(logName));
        if (mismatch.isPresent()) {
            firstBad = mismatch.get().position();
            where = "; first bad position " + firstBad + ": " + mismatch.get().detail();
        }
        SigningStop stop = new SigningStop(logName, clock.instant(), reason + where, firstBad);
        if (stops.putIfAbsent(logName, stop) == null) {
            log.error("Signing of the {} log STOPPED, nothing more will be signed until a maintainer investigates "
                    + "and restarts the registry: {}", logName, stop.reason());
        }
        return false;
    }
}
