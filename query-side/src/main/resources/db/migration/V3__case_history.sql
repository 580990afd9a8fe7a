-- Audit history read model: every event of every case, in log order, with who, when and why.
CREATE TABLE case_event (
    global_index   BIGINT       PRIMARY KEY,
    event_id       VARCHAR(255) NOT NULL UNIQUE,
    case_id        VARCHAR(64)  NOT NULL,
    sequence       BIGINT       NOT NULL,
    type           VARCHAR(100) NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(100),
    role           VARCHAR(32),
    reason         TEXT,
    correlation_id VARCHAR(100),
    request_id     VARCHAR(100),
    data           JSONB        NOT NULL,
    CONSTRAINT case_event_case_sequence UNIQUE (case_id, sequence)
);
