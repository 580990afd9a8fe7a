-- Case file read model: one row per case. The whole file is the jsonb document; the columns beside it
-- are copies of the fields that caseloads filter and sort on.
CREATE TABLE case_file (
    case_id          VARCHAR(64)  PRIMARY KEY,
    version          BIGINT       NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    risk_level       VARCHAR(16),
    village_code     VARCHAR(12)  NOT NULL,
    caseworker       VARCHAR(100) NOT NULL,
    child_name       TEXT         NOT NULL,
    assessment_due   TIMESTAMPTZ,
    next_visit_due   DATE,
    document         JSONB        NOT NULL
);

CREATE INDEX case_file_village_code ON case_file (village_code text_pattern_ops);
