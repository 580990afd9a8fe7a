-- Retention (docs/erasure.md): the due list and the registry's own erasure requests read only the closed cases of
-- the reader's villages; they are few beside the open ones, so they get an index of their own.
CREATE INDEX case_file_closed ON case_file (village_code text_pattern_ops) WHERE status = 'CLOSED';
