-- Audit history read model: every event of every case, in log order, with who, when and why.
-- village_code is the case's village when the event was recorded (a transfer's event carries the new one).
CREATE TABLE case_event (
    global_index      BIGINT       PRIMARY KEY,
    event_id          VARCHAR(255) NOT NULL UNIQUE,
    case_id           VARCHAR(64)  NOT NULL,
    sequence          BIGINT       NOT NULL,
    type              VARCHAR(100) NOT NULL,
    occurred_at       TIMESTAMPTZ  NOT NULL,
    actor             VARCHAR(100),
    role              VARCHAR(32),
    reason            TEXT,
    correlation_id    VARCHAR(100),
    request_id        VARCHAR(100),
    village_code      VARCHAR(12)  NOT NULL,
    corrects_event_id VARCHAR(255),            -- for a RecordCorrected: the event it corrects
    data              JSONB        NOT NULL,
    CONSTRAINT case_event_case_sequence UNIQUE (case_id, sequence)
);

CREATE INDEX case_event_occurred_at ON case_event (occurred_at, global_index);
CREATE INDEX case_event_actor ON case_event (actor, occurred_at);
CREATE INDEX case_event_type ON case_event (type, occurred_at);
CREATE INDEX case_event_village_code ON case_event (village_code text_pattern_ops);
CREATE INDEX case_event_corrects ON case_event (corrects_event_id) WHERE corrects_event_id IS NOT NULL;
