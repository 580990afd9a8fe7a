-- Dead letters of the case projections (Axon's JdbcSequencedDeadLetterQueue, one queue per processing group):
-- an event a projection could not apply, parked with every later event of the same case (its sequence) until a
-- maintainer retries it. Payloads, metadata, tokens and diagnostics are JSON from the event store's serializer,
-- in bytea (never oid). Axon writes its timestamps as ISO-8601 text, so those columns are text too.
-- The Merkle log has no dead letters: it must never pass an event by (docs/dead-letters.md).
CREATE TABLE dead_letter_entry (
    dead_letter_id      VARCHAR(255) PRIMARY KEY,
    processing_group    VARCHAR(255) NOT NULL,
    sequence_identifier VARCHAR(255) NOT NULL,
    sequence_index      BIGINT       NOT NULL,
    message_type        VARCHAR(255) NOT NULL,
    event_identifier    VARCHAR(255) NOT NULL,
    time_stamp          VARCHAR(255) NOT NULL,
    payload_type        VARCHAR(255) NOT NULL,
    payload_revision    VARCHAR(255),
    payload             BYTEA        NOT NULL,
    meta_data           BYTEA,
    aggregate_type      VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number     BIGINT,
    token_type          VARCHAR(255),
    token               BYTEA,
    enqueued_at         VARCHAR(255) NOT NULL,
    last_touched        VARCHAR(255),
    processing_started  VARCHAR(255),
    cause_type          VARCHAR(255),
    cause_message       TEXT,
    diagnostics         BYTEA,
    CONSTRAINT dead_letter_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_sequence ON dead_letter_entry (processing_group, sequence_identifier);
