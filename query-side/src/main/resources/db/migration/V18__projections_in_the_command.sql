-- Projections are applied in each command's own transaction (docs/projections-in-the-command.md): an event that a
-- projection cannot apply refuses its command, so nothing is ever parked. The dead-letter queue of issue 8 goes.
DROP TABLE dead_letter_entry;
