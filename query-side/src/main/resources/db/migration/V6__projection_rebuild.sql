-- A rebuild in progress (replay-tools rebuild / replay --new): the projection's copies named <table>__rebuild
-- hold every event up to this position of the settled order; an interrupted rebuild resumes from here.
CREATE TABLE projection_rebuild (
    projection     VARCHAR(255) PRIMARY KEY,
    transaction_id BIGINT       NOT NULL,
    global_index   BIGINT       NOT NULL,
    events_applied BIGINT       NOT NULL,
    started_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
