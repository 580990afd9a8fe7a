-- Transfers in two steps (docs/domain.md "Transfer"). The case file shows a pending transfer in its document; its
-- destination is a column beside it, so that the receiving side can list the transfers awaiting it (they cannot
-- read the case file yet). An accepted transfer leaves the case without a caseworker until the receiving side
-- assigns one.
ALTER TABLE case_file ALTER COLUMN caseworker DROP NOT NULL;
ALTER TABLE case_file ADD COLUMN transfer_to_village VARCHAR(12);
CREATE INDEX case_file_transfer_to_village ON case_file (transfer_to_village text_pattern_ops)
    WHERE transfer_to_village IS NOT NULL;
