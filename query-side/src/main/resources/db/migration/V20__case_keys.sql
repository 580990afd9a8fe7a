-- Children's privacy (docs/erasure.md): each case's data key, AES-256, wrapped by a key-encryption key that is
-- never in the database (kek_id names it). Personal fields of the case's events are sealed with it in the log
-- itself; erasing the case destroys the key: wrapped_key becomes NULL, for ever.
CREATE TABLE case_key (
    case_id      VARCHAR(255) PRIMARY KEY,
    wrapped_key  BYTEA,
    kek_id       CHAR(16),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    destroyed_at TIMESTAMPTZ,
    CONSTRAINT case_key_destroyed CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)
                                         AND (wrapped_key IS NULL) = (kek_id IS NULL))
);

-- A key is re-wrapped or destroyed, nothing else: a destroyed key never comes back, no key moves to another case,
-- and no row is removed (DELETE and TRUNCATE are refused for every role, the owner too, short of disabling this).
CREATE FUNCTION case_key_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.case_id = OLD.case_id
            AND (OLD.wrapped_key IS NOT NULL OR NEW.wrapped_key IS NULL) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'case_key: a case''s key is only re-wrapped or destroyed, never restored, moved or removed (%)',
        TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER case_key_kept BEFORE UPDATE OR DELETE ON case_key
    FOR EACH ROW EXECUTE FUNCTION case_key_kept();
CREATE TRIGGER case_key_no_truncate BEFORE TRUNCATE ON case_key
    FOR EACH STATEMENT EXECUTE FUNCTION case_key_kept();

-- the application creates, re-wraps and destroys keys; a maintainer's rebuild and as-of read them
REVOKE ALL ON case_key FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON case_key TO registry_app;
GRANT SELECT ON case_key TO registry_maintainer;

-- an erased case keeps its file, without the child's name
ALTER TABLE case_file ALTER COLUMN child_name DROP NOT NULL;
