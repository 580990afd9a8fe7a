-- Audit that holds against the operator (docs/tamper-evident-log.md).

-- One access-log row per read: a case (case_id), a page of cases (case_ids), a statistics request or a tool run
-- (detail: the filter; the operating-system user and database login). tx_id orders the rows for the access log's
-- own Merkle log exactly as the event log's is ordered: (tx_id, id), settled transactions only.
ALTER TABLE access_log ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE access_log ADD COLUMN case_ids VARCHAR(64)[];
ALTER TABLE access_log ADD COLUMN detail JSONB;
ALTER TABLE access_log ADD COLUMN tx_id BIGINT NOT NULL DEFAULT pg_current_xact_id()::text::bigint;
CREATE INDEX access_log_settled_order ON access_log (tx_id, id);
CREATE INDEX access_log_case_ids ON access_log USING gin (case_ids);

-- The access log's Merkle log: leaves in the settled order of access_log, complete subtrees, signed heads.
CREATE TABLE access_merkle_leaf (
    leaf_index BIGINT PRIMARY KEY,
    access_id  BIGINT NOT NULL UNIQUE,
    leaf_hash  BYTEA  NOT NULL
);

CREATE TABLE access_merkle_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);

CREATE TABLE access_tree_head (
    tree_size BIGINT      PRIMARY KEY,
    root_hash BYTEA       NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    signature BYTEA       NOT NULL,
    key_id    VARCHAR(64)
);

-- Which key signed a head: the lower-case hex SHA-256 of its public key's X.509 encoding (heads signed before
-- this migration have none: they were all signed by the first key).
ALTER TABLE tree_head ADD COLUMN key_id VARCHAR(64);

-- Witnesses' cosignatures of signed heads, of either log: kept for ever, like the heads.
CREATE TABLE cosignature (
    log         VARCHAR(16)  NOT NULL CHECK (log IN ('events', 'access-log')),
    tree_size   BIGINT       NOT NULL,
    root_hash   BYTEA        NOT NULL,
    witness     VARCHAR(100) NOT NULL,
    public_key  BYTEA        NOT NULL,
    signature   BYTEA        NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (log, tree_size, public_key)
);

DO $$
BEGIN
    PERFORM registry_append_only_table('access_merkle_leaf');
    PERFORM registry_append_only_table('access_merkle_node');
    PERFORM registry_append_only_table('access_tree_head');
    PERFORM registry_append_only_table('cosignature');
    -- the append-only tables' triggers, renewed: TRUNCATE is refused on each of them, whoever asks
    PERFORM registry_append_only_table('domain_event_entry');
    PERFORM registry_append_only_table('access_log');
    PERFORM registry_append_only_table('merkle_leaf');
    PERFORM registry_append_only_table('merkle_node');
    PERFORM registry_append_only_table('tree_head');
END;
$$;

-- replay-tools records its own reads (export, as-of) in the access log, as the API does.
GRANT INSERT ON access_log TO registry_maintainer;
GRANT USAGE, SELECT ON SEQUENCE access_log_id_seq TO registry_maintainer;
