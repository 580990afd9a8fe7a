package org.childprotection.registry.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Signs a new tree head whenever the Merkle log has grown, and keeps every head (table tree_head). */
@Component
public class TreeHeads {

    private static final RowMapper<TreeHead> ROW = (rs, i) -> new TreeHead(rs.getLong("tree_size"),
            rs.getBytes("root_hash"), rs.getTimestamp("signed_at").toInstant(), rs.getBytes("signature"),
            rs.getString("key_id"));

    private final JdbcTemplate jdbc;
    private final MerkleLogStore log;
    private final SigningKey key;
    private final Clock clock;

    public TreeHeads(JdbcTemplate jdbc, MerkleLogStore log, SigningKey key, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.key = key;
        this.clock = clock;
    }

    /** Signs the log as it stands, if it grew since the last head; answers the latest head. */
    @Scheduled(fixedDelayString = "${registry.integrity.sign-interval:PT2S}")
    public Optional<TreeHead> signLatest() {
        long size = log.size();
        Optional<TreeHead> latest = latest();
        if (latest.map(h -> h.treeSize() >= size).orElse(false)) {
            return latest;
        }
        byte[] root = MerkleTree.root(log.nodes(), size);
        java.time.Instant at = TreeHead.truncate(clock.instant());
        TreeHead head = new TreeHead(size, root, at, key.signHead(size, TreeHead.message(size, root, at)));
        jdbc.update("INSERT INTO tree_head (tree_size, root_hash, signed_at, signature, key_id) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", head.treeSize(), head.rootHash(), Timestamp.from(at), head.signature(),
                key.keyId());
        return latest();
    }

    public Optional<TreeHead> latest() {
        return jdbc.query("SELECT * FROM tree_head ORDER BY tree_size DESC LIMIT 1", ROW).stream().findFirst();
    }

    public Optional<TreeHead> ofSize(long treeSize) {
        return jdbc.query("SELECT * FROM tree_head WHERE tree_size = ?", ROW, treeSize).stream().findFirst();
    }

    public List<TreeHead> all() {
        return jdbc.query("SELECT * FROM tree_head ORDER BY tree_size", ROW);
    }
}
