-- What oversight must see about sign-ins and probing: failed sign-ins (the username as given, never a password),
-- sign-ins refused while throttled, sign-ins recorded beside them, and attempts on an existing case outside the
-- user's jurisdiction (answered 404 or 403). Written by the API, read by oversight only; the sign-in throttle counts
-- from it, so that every node of the registry sees the same failures.
-- Append-only: the table refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE security_event (
    id          BIGSERIAL    PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,  -- SIGN_IN_FAILED, SIGN_IN_THROTTLED, SIGN_IN_SUCCEEDED, CASE_OUTSIDE_JURISDICTION
    username    VARCHAR(100),           -- as given; none for a bearer token that could not be read
    role        VARCHAR(32),            -- the signed-in user's, for attempts on a case
    address     VARCHAR(100) NOT NULL,  -- the client's address as the server sees it
    means       VARCHAR(16),            -- BASIC, FORM, BEARER for sign-ins
    case_id     VARCHAR(64),
    method      VARCHAR(16),
    path        VARCHAR(300),
    status      INTEGER,                -- the HTTP status answered, where known when recorded
    request_id  VARCHAR(100)
);

-- the throttle's two questions (failures of a username, failures from an address, in the last minutes) and
-- oversight's filters
CREATE INDEX security_event_username ON security_event (username, occurred_at);
CREATE INDEX security_event_address ON security_event (address, occurred_at);
CREATE INDEX security_event_time ON security_event (occurred_at);

-- append-only, appended and read by the API, read by maintainers (docs/database-roles.md)
DO $$ BEGIN
    PERFORM registry_append_only_table('security_event');
END $$;
