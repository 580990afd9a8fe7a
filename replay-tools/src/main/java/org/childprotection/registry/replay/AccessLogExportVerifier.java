package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.CanonicalAccess;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.KeyRing;
import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.integrity.MerkleTree;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * verify-export of an access-log export ({@link AccessLogExport}), offline: the access-log tree head's signature
 * (under the access log's own context line), every row's leaf hash recomputed from the row's own members, and its
 * audit path up to the signed root.
 */
final class AccessLogExportVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private AccessLogExportVerifier() {
    }

    /** Whether the file's first line is an access-log tree head. */
    static boolean recognises(String firstLine) {
        try {
            return EventJson.mapper().readTree(firstLine).has(AccessLogExport.HEAD);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Answers the exit code. Without keys (an empty ring) the key in the file is used, with a warning: that proves
     * nothing about who signed. An access-log head is checked by any of the keys given: key validity ranges are in
     * the event log's sizes.
     */
    static int verify(List<String> lines, List<KeyRing.Key> publicKeys, PrintWriter out, PrintWriter err)
            throws IOException {
        JsonNode head = EventJson.mapper().readTree(lines.get(0)).get(AccessLogExport.HEAD);
        long treeSize = head.get("treeSize").asLong();
        byte[] root = HEX.parseHex(head.get("rootHash").asText());
        Instant signedAt = Instant.parse(head.get("timestamp").asText());
        if (publicKeys.isEmpty()) {
            err.println("warning: checking against the public key in the file itself; "
                    + "pass --public-key with the registry's key obtained independently");
        }
        KeyRing keys = publicKeys.isEmpty() ? KeyRing.of(Ed25519Keys.publicKey(head.get("publicKey").asText()))
                : new KeyRing(publicKeys).anyRange();
        java.util.Optional<String> unsigned = keys.problem(treeSize, head.path("keyId").isTextual()
                        ? head.get("keyId").asText() : null, MerkleLogKind.ACCESS_LOG.headMessage(treeSize, root, signedAt),
                Base64.getDecoder().decode(head.get("signature").asText()));
        if (unsigned.isPresent()) {
            return fail(out, unsigned.get().replace("the tree head", "the access-log tree head"));
        }
        long previousLeaf = -1;
        for (int n = 1; n < lines.size(); n++) {
            JsonNode line = EventJson.mapper().readTree(lines.get(n));
            if (!line.path("id").isIntegralNumber() || !line.path("leafIndex").isIntegralNumber()
                    || !line.path("auditPath").isArray() || !line.path("leafHash").isTextual()) {
                return fail(out, "line " + (n + 1) + " is not an access-log row with its proof "
                        + "(id, leafIndex, leafHash, auditPath)");
            }
            long leafIndex = line.get("leafIndex").asLong();
            String wrong;
            try {
                wrong = wrong(CanonicalAccess.of(line), line, leafIndex, previousLeaf, treeSize, root);
            } catch (IllegalArgumentException e) {
                wrong = "line " + (n + 1) + " cannot be checked: " + e.getMessage();
            }
            if (wrong != null) {
                return fail(out, wrong);
            }
            previousLeaf = leafIndex;
        }
        int checked = lines.size() - 1;
        out.println("verified: " + checked + " access-log rows are in the signed access-log tree head of size "
                + treeSize + " (" + head.get("timestamp").asText() + ", root " + head.get("rootHash").asText() + ")");
        out.flush();
        return 0;
    }

    /** What is wrong with this row and its proof, or null. */
    private static String wrong(CanonicalAccess row, JsonNode line, long leafIndex, long previousLeaf, long treeSize,
                                byte[] root) {
        byte[] leafHash = row.leafHash();
        if (!Arrays.equals(leafHash, HEX.parseHex(line.get("leafHash").asText()))) {
            return "access-log row " + row.id() + " does not match its leaf hash: it was altered";
        }
        List<byte[]> path = new ArrayList<>();
        line.get("auditPath").forEach(h -> path.add(HEX.parseHex(h.asText())));
        if (!MerkleTree.verifyInclusion(leafIndex, treeSize, leafHash, path, root)) {
            return "access-log row " + row.id() + " is not in the signed access-log tree of size " + treeSize;
        }
        if (leafIndex <= previousLeaf) {
            return "access-log row " + row.id() + " is out of the access log's order or repeated";
        }
        return null;
    }

    private static int fail(PrintWriter out, String why) {
        out.println("NOT VERIFIED: " + why);
        out.flush();
        return 1;
    }
}
