package org.childprotection.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An access-log row in the form its Merkle leaf is computed from (docs/tamper-evident-log.md): one JSON object with
 * a member for every column but {@code tx_id}, named in camelCase ({@code accessedAt, caseId, caseIds,
 * clientAddress, detail, id, requestId, resource, role, serverRequestId, username}), a NULL column omitted, so that a
 * column added later leaves the rows written before it as they were. {@code accessedAt} is the stored instant in UTC
 * to the microsecond, as PostgreSQL keeps it; {@code detail} the stored JSON document. Its canonical bytes are the
 * object written as an event's are ({@link CanonicalEvent#canonical}).
 */
public record CanonicalAccess(long id, ObjectNode members) implements MerkleLogCheck.Logged {

    /** The members of an access-log export line that are its proof, not the row. */
    public static final List<String> PROOF_MEMBERS = List.of("leafIndex", "leafHash", "auditPath");

    /** The row as an export line carries it: its members, the proof's left out; refuses a line without its id. */
    public static CanonicalAccess of(JsonNode line) {
        if (!line.isObject() || !line.path("id").isIntegralNumber()) {
            throw new IllegalArgumentException("an access-log line without its integer id");
        }
        ObjectNode members = ((ObjectNode) line).deepCopy();
        members.remove(PROOF_MEMBERS);
        return new CanonicalAccess(line.get("id").asLong(), members);
    }

    /** Its place in the access log, which its leaf names. */
    @Override
    public long position() {
        return id;
    }

    public byte[] bytes() {
        return CanonicalEvent.canonical(members).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] leafHash() {
        return MerkleTree.leafHash(bytes());
    }
}
