package org.childprotection.registry.replay.witness;

import org.childprotection.registry.integrity.MerkleLogKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** A signed tree head of one log, as the registry offered it and as the witness keeps it. */
public record Head(MerkleLogKind log, long treeSize, String rootHash, String timestamp, String signature) {

    /** From the registry's answer ({@code GET /api/integrity} or its {@code accessLog} member). */
    static Head from(MerkleLogKind log, JsonNode json) {
        for (String field : new String[]{"treeSize", "rootHash", "timestamp", "signature"}) {
            if (!json.hasNonNull(field)) {
                throw new IllegalArgumentException("the " + log.apiName() + " head has no " + field);
            }
        }
        return new Head(log, json.get("treeSize").asLong(), json.get("rootHash").asText(),
                json.get("timestamp").asText(), json.get("signature").asText());
    }

    byte[] root() {
        return HexFormat.of().parseHex(rootHash);
    }

    Instant instant() {
        return Instant.parse(timestamp);
    }

    /** The exact message the registry signed; a witness's cosignature is over it too. */
    byte[] message() {
        return log.headMessage(treeSize, root(), instant());
    }

    byte[] signatureBytes() {
        return Base64.getDecoder().decode(signature);
    }

    ObjectNode toJson() {
        ObjectNode json = EventJson.mapper().createObjectNode();
        json.put("log", log.apiName());
        json.put("treeSize", treeSize);
        json.put("rootHash", rootHash);
        json.put("timestamp", timestamp);
        json.put("signature", signature);
        return json;
    }

    @Override
    public String toString() {
        return "size " + treeSize + ", root " + rootHash + ", signed " + timestamp;
    }
}
