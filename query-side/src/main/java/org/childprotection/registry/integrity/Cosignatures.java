package org.childprotection.registry.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The cosignatures the witnesses gave (table cosignature): only ever added, read by log, size and root. */
@Component
public class Cosignatures {

    private final JdbcTemplate jdbc;

    public Cosignatures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a cosignature of this log's head; a repeated one is kept once. */
    public void add(String log, TreeHead head, Cosignature cosignature) {
        jdbc.update("""
                INSERT INTO cosignature (log, tree_size, root_hash, witness, public_key, signature, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", log, head.treeSize(), head.rootHash(),
                cosignature.witness(), cosignature.publicKey().getEncoded(), cosignature.signature(),
                java.sql.Timestamp.from(cosignature.receivedAt()));
    }

    /** Those of the head of this log, size and root, in the order they arrived. */
    public List<Cosignature> of(String log, long treeSize, byte[] rootHash) {
        return jdbc.query("SELECT witness, public_key, signature, received_at FROM cosignature "
                        + "WHERE log = ? AND tree_size = ? AND root_hash = ? ORDER BY received_at, witness",
                (rs, i) -> new Cosignature(rs.getString("witness"), Ed25519Keys.publicKey(rs.getBytes("public_key")),
                        rs.getBytes("signature"), rs.getTimestamp("received_at").toInstant()),
                log, treeSize, rootHash);
    }

    /** The size of the newest cosigned head of this log at least this large; null when there is none. */
    public Long newestCosignedSize(String log, long atLeast) {
        String heads = MerkleLogKind.named(log).headTable();
        return jdbc.query("SELECT h.tree_size FROM " + heads + " h WHERE h.tree_size >= ? AND EXISTS (SELECT 1 FROM "
                        + "cosignature c WHERE c.log = ? AND c.tree_size = h.tree_size AND c.root_hash = h.root_hash) "
                        + "ORDER BY h.tree_size DESC LIMIT 1", (rs, i) -> rs.getLong(1), atLeast, log)
                .stream().findFirst().orElse(null);
    }
}
