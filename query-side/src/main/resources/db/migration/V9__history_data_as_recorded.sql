-- The history keeps each event's JSON exactly as the log recorded it. As json (validated, stored verbatim) rather
-- than jsonb it needs no parsing when a rebuild copies a million events in, and none when a history is read out:
-- nothing queries inside it.
ALTER TABLE case_event ALTER COLUMN data TYPE json USING data::json;
