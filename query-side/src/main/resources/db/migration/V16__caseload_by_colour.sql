-- Caseload pages filtered by colour (docs/caseload-filtered-by-colour.md). The urgency index serves the unfiltered
-- page, but a colour filter made its page walk every more urgent case of other colours (all the RED ones before an
-- ORANGE page) and its total count the whole table. Here the colour comes first, then the caseload's order: within
-- a colour the page is read in order and stops after its size. The village code is a key column, with the
-- pattern operators of a prefix, so that the jurisdiction, the village filter and the overdue filter are checked
-- in the index (before any row is read), and the total of such a page is an index-only scan of one colour.
CREATE INDEX case_file_colour ON case_file (risk_level, urgency, due_at, case_id, village_code text_pattern_ops);
