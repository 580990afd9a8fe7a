package org.childprotection.registry.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.security.KeyFactory;
import java.security.GeneralSecurityException;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.util.List;

/** Witnesses' cosignatures (table cosignature): only ever added; a repeated one is kept once. */
@Repository
public class Cosignatures {

    private final JdbcTemplate jdbc;

    public Cosignatures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Cosignature cosignature) {
        jdbc.update("""
                INSERT INTO cosignature (log, tree_size, root_hash, witness, public_key, signature, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", cosignature.log(), cosignature.treeSize(),
                cosignature.rootHash(), cosignature.witness(), cosignature.publicKey().getEncoded(),
                cosignature.signature(), Timestamp.from(cosignature.receivedAt()));
    }

    /** The cosignatures of the log's head of this size, oldest first. */
    public List<Cosignature> of(String log, long treeSize) {
        return jdbc.query("SELECT * FROM cosignature WHERE log = ? AND tree_size = ? ORDER BY received_at, witness",
                (rs, i) -> new Cosignature(rs.getString("log"), rs.getLong("tree_size"), rs.getBytes("root_hash"),
                        rs.getString("witness"), publicKey(rs.getBytes("public_key")), rs.getBytes("signature"),
                        rs.getTimestamp("received_at").toInstant()), log, treeSize);
    }

    private static java.security.PublicKey publicKey(byte[] der) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored witness key is not an Ed25519 key", e);
        }
    }
}
