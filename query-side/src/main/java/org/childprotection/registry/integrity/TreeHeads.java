package org.childprotection.registry.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
/**
 * Signs a new tree head whenever the Merkle log has grown, and keeps every head (table tree_head). One for each
 * {@link MerkleLogKind} (beans in {@link MerkleLogs}): the access log's heads are signed with the same key under
 * their own context line, into access_tree_head. A head is signed only over a tree that continues the last one signed
 * (SigningGuard), and the signer's record outside the database keeps the head and the leaves it covers.
 */
public class TreeHeads {

    private static final RowMapper<TreeHead> ROW = (rs, i) -> new TreeHead(rs.getLong("tree_size"),
            rs.getBytes("root_hash"), rs.getTimestamp("signed_at").toInstant(), rs.getBytes("signature"),
            rs.getString("key_id"));

    private final JdbcTemplate jdbc;
    private final MerkleLogStore log;
    private final SigningKey key;
    private final Clock clock;
    private final SigningGuard guard;
    private final SignerRecord record;
    private final MerkleLogKind kind;

    public TreeHeads(JdbcTemplate jdbc, MerkleLogStore log, SigningKey key, Clock clock, SigningGuard guard,
                     SignerRecord record) {
        this.jdbc = jdbc;
        this.log = log;
        this.key = key;
        this.clock = clock;
        this.guard = guard;
        this.record = record;
        this.kind = log.kind();
    }

    public MerkleLogKind kind() {
        return kind;
    }

    /**
     * Signs the log as it stands, if it grew since the last head and continues it; answers the latest head (which,
     * once signing has stopped, is the last one in the table, whoever put it there).
     */
    @Scheduled(fixedDelayString = "${registry.integrity.sign-interval:PT2S}")
    public Optional<TreeHead> signLatest() {
        if (guard.stopped(kind.apiName()).isPresent()) {
            return latest();
        }
        return record.locked(kind.apiName(), () -> {
            long size = log.size();
            MerkleTree.Nodes nodes = log.nodes();
            byte[] root = MerkleTree.root(nodes, size);
            Optional<SignerRecord.Head> signedBefore = record.head(kind.apiName()).or(this::latestOfThisKey);
            if (!guard.admits(kind.apiName(), size, root, nodes, signedBefore)) {
                return latest();
            }
            Optional<TreeHead> latest = latest();
            if (latest.map(h -> h.treeSize() >= size).orElse(false)) {
                return latest;
            }
            long covered = signedBefore.map(SignerRecord.Head::treeSize).orElse(0L);
            record.extend(kind.apiName(), covered, log.leaves(covered, size));
            java.time.Instant at = TreeHead.truncate(clock.instant());
            byte[] message = kind.headMessage(size, root, at);
            // the event log's sizes are those a key's validity is given in; the access log's count other rows
            byte[] signature = kind == MerkleLogKind.EVENTS ? key.signHead(size, message) : key.sign(message);
            TreeHead head = new TreeHead(size, root, at, signature, key.keyId());
            jdbc.update("INSERT INTO " + kind.headTable() + " (tree_size, root_hash, signed_at, signature, key_id) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", head.treeSize(), head.rootHash(),
                    Timestamp.from(at), head.signature(), head.keyId());
            record.signed(kind.apiName(), head);
            return latest();
        });
    }

    /** A record begun on a database already signed (an upgrade): its latest head, if this key signed it. */
    private Optional<SignerRecord.Head> latestOfThisKey() {
        return latest().filter(h -> Ed25519Keys.verify(key.publicKey(), kind.headMessage(h), h.signature()))
                .map(h -> new SignerRecord.Head(h.treeSize(), h.rootHash(), h.timestamp()));
    }

    public Optional<TreeHead> latest() {
        return jdbc.query("SELECT * FROM " + kind.headTable() + " ORDER BY tree_size DESC LIMIT 1", ROW).stream()
                .findFirst();
    }

    public Optional<TreeHead> ofSize(long treeSize) {
        return jdbc.query("SELECT * FROM " + kind.headTable() + " WHERE tree_size = ?", ROW, treeSize).stream()
                .findFirst();
    }

    public List<TreeHead> all() {
        return jdbc.query("SELECT * FROM " + kind.headTable() + " ORDER BY tree_size", ROW);
    }
}
