-- The log is the history (docs/the-log-is-the-history.md): case_event keeps only what the history and the audit
-- trail find, filter and order events by, and the case's village at the time, which the log does not hold. The
-- event's JSON, its id and the rest of its metadata are read from domain_event_entry through global_index.
-- (Dropping columns does not rewrite the table: their space comes back at the next rebuild of the history.)
ALTER TABLE case_event
    DROP COLUMN event_id,
    DROP COLUMN role,
    DROP COLUMN reason,
    DROP COLUMN correlation_id,
    DROP COLUMN request_id,
    DROP COLUMN data;
