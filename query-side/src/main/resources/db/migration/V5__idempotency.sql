-- The first answer to each command sent with an Idempotency-Key, per user, so that a repeat returns it
-- without writing anything. A row without status is a request still being carried out.
CREATE TABLE idempotency_key (
    username        VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    status          INTEGER,
    content_type    VARCHAR(100),
    location        TEXT,
    body            BYTEA,
    PRIMARY KEY (username, idempotency_key)
);
