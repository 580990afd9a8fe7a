-- Who read which case file or history, when, in which request. Written by the API, read by oversight only.
-- Append-only: the table refuses UPDATE and DELETE.
CREATE TABLE access_log (
    id         BIGSERIAL    PRIMARY KEY,
    accessed_at TIMESTAMPTZ NOT NULL,
    username   VARCHAR(100) NOT NULL,
    role       VARCHAR(32)  NOT NULL,
    case_id    VARCHAR(64)  NOT NULL,
    resource   VARCHAR(32)  NOT NULL,   -- CASE_FILE, CASE_FILE_AS_OF, HISTORY, PROOF
    request_id VARCHAR(100)
);

CREATE INDEX access_log_case ON access_log (case_id, accessed_at);
CREATE INDEX access_log_user ON access_log (username, accessed_at);
CREATE INDEX access_log_time ON access_log (accessed_at);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
