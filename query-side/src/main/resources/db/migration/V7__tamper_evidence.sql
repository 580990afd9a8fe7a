-- Tamper evidence (docs/tamper-evident-log.md).

-- The event log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (refuse_change() is of V4).
CREATE TRIGGER domain_event_entry_append_only BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER domain_event_entry_no_truncate BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Every event, in the settled order of the log, is a leaf of an RFC 9162 Merkle tree.
CREATE TABLE merkle_leaf (
    leaf_index   BIGINT PRIMARY KEY,
    global_index BIGINT NOT NULL UNIQUE,
    leaf_hash    BYTEA  NOT NULL
);

-- Hashes of the complete subtrees: node (level, index) covers leaves [index * 2^level, (index + 1) * 2^level).
CREATE TABLE merkle_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Signed tree heads (Ed25519), kept for ever: any two can be proven consistent.
CREATE TABLE tree_head (
    tree_size BIGINT      PRIMARY KEY,
    root_hash BYTEA       NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    signature BYTEA       NOT NULL
);

CREATE TRIGGER merkle_leaf_append_only BEFORE UPDATE OR DELETE ON merkle_leaf
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER merkle_node_append_only BEFORE UPDATE OR DELETE ON merkle_node
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tree_head_append_only BEFORE UPDATE OR DELETE ON tree_head
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
