-- The event log: Axon's JDBC storage engine tables, named in snake case (see EventLogConfiguration).
-- Payload and metadata are JSON kept as bytea, never oid large objects:
--   SELECT global_index, payload_type, convert_from(payload, 'UTF8')::jsonb FROM domain_event_entry;
-- global_index comes from a sequence with increment 1 (BIGSERIAL), so it has no gaps under normal operation.
-- tx_id is the writing transaction's id: readers follow the settled order (tx_id, global_index) and read only
-- transactions that have ended, so an event that commits late is never passed over
-- (docs/reading-the-log-without-gaps.md).

CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    tx_id                BIGINT       NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);

CREATE INDEX domain_event_entry_settled_order ON domain_event_entry (tx_id, global_index);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- Each event processor's position in the log, per segment, and which node holds the segment.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
