-- Case file read model: one row per case. The whole file is the jsonb document; the columns beside it
-- are copies of the fields that caseloads and statistics filter, sort and count on.
CREATE TABLE case_file (
    case_id           VARCHAR(64)  PRIMARY KEY,
    version           BIGINT       NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    risk_level        VARCHAR(16),
    urgency           SMALLINT     NOT NULL,   -- 0 for a RED case, 1 for any other: RED comes first
    village_code      VARCHAR(12)  NOT NULL,
    caseworker        VARCHAR(100) NOT NULL,
    child_name        TEXT         NOT NULL,
    reported_at       TIMESTAMPTZ  NOT NULL,
    first_assessed_at TIMESTAMPTZ,
    next_visit_due    DATE,
    due_at            TIMESTAMPTZ,             -- first pending deadline; overdue when it has passed
    document          JSONB        NOT NULL
);

-- Caseload pages: urgency order (RED first, then the longest overdue) within a jurisdiction prefix.
CREATE INDEX case_file_urgency ON case_file (urgency, due_at, case_id);
CREATE INDEX case_file_village_code ON case_file (village_code text_pattern_ops);
CREATE INDEX case_file_caseworker ON case_file (caseworker);
