-- The case file's document is written and read whole, never queried inside (the columns beside it serve the
-- caseloads): as json it is stored as written, with no parse on each upsert of a rebuild or batch and no
-- conversion back to text on each read.
ALTER TABLE case_file ALTER COLUMN document TYPE json USING document::json;
