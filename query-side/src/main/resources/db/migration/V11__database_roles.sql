-- Least-privilege roles (docs/database-roles.md). The schema's owner (the login that runs the migrations:
-- replay-tools migrate, or the demo's superuser) keeps every DDL right; the running API and the maintainers'
-- tool connect as logins that are members of these NOLOGIN group roles:
--   registry_app         the API: appends to the log tables, writes projections, tokens, dead letters, idempotency
--   registry_maintainer  replay-tools: reads the log, owns and rebuilds the projections
-- Roles are cluster-wide and many databases migrate at once (tests), so creating one tolerates a concurrent twin.
DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['registry_app', 'registry_maintainer'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- another database's migration created it a moment ago
            END;
        END IF;
    END LOOP;
    -- the owner hands projection tables to registry_maintainer, which needs membership (a superuser has it)
    IF NOT pg_has_role(current_user, 'registry_maintainer', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT registry_maintainer TO %I', current_user);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END;
$$;

-- The schema: both may use it; only the maintainer creates tables in it (a rebuild's copies).
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO registry_app, registry_maintainer', current_schema());
    EXECUTE format('GRANT CREATE ON SCHEMA %I TO registry_maintainer', current_schema());
END;
$$;

-- An append-only table: rows are added and read, never changed or removed. UPDATE, DELETE and TRUNCATE are refused
-- by triggers (whoever asks, the owner too) and are not granted to either role; the table stays the owner's, so
-- neither role can drop it, alter it or disable its triggers. Its sequences may be advanced by the API.
CREATE FUNCTION registry_append_only_table(target regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = target);
    sequence regclass;
BEGIN
    EXECUTE format('CREATE OR REPLACE TRIGGER %I BEFORE UPDATE OR DELETE ON %s '
                   'FOR EACH ROW EXECUTE FUNCTION refuse_change()', name || '_append_only', target);
    EXECUTE format('CREATE OR REPLACE TRIGGER %I BEFORE TRUNCATE ON %s '
                   'FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()', name || '_no_truncate', target);
    EXECUTE format('REVOKE ALL ON %s FROM PUBLIC, registry_app, registry_maintainer', target);
    EXECUTE format('GRANT SELECT, INSERT ON %s TO registry_app', target);
    EXECUTE format('GRANT SELECT ON %s TO registry_maintainer', target);
    FOR sequence IN SELECT d.objid::regclass FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
                    WHERE d.refobjid = target AND s.relkind = 'S' AND d.deptype IN ('a', 'i') LOOP
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO registry_app', sequence);
    END LOOP;
END;
$$;

-- A projection table (a read model rebuilt from the log): owned by registry_maintainer, so that a maintainer's
-- rebuild can create its copies, drop the live table and rename the copies in; the API reads and writes its rows.
-- A rebuild calls this on each copy it creates, so the switched-in table keeps owner and grants.
CREATE FUNCTION registry_projection_table(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s OWNER TO registry_maintainer', target);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO registry_app', target);
END;
$$;

-- Working state of the processors and the API (not the record): the named roles read and write its rows, the owner
-- keeps the table. Token and dead-letter rows are claimed, moved on and deleted by Axon.
CREATE FUNCTION registry_working_table(target regclass, writers text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %s', target, writers);
END;
$$;

-- Each table by its kind; a later migration declares its new tables the same way (docs/database-roles.md).
DO $$
BEGIN
    PERFORM registry_append_only_table('domain_event_entry');
    PERFORM registry_append_only_table('access_log');
    PERFORM registry_append_only_table('merkle_leaf');
    PERFORM registry_append_only_table('merkle_node');
    PERFORM registry_append_only_table('tree_head');
    PERFORM registry_projection_table('case_file');
    PERFORM registry_projection_table('case_event');
    PERFORM registry_working_table('token_entry', 'registry_app, registry_maintainer');
    PERFORM registry_working_table('dead_letter_entry', 'registry_app, registry_maintainer');
    PERFORM registry_working_table('idempotency_key', 'registry_app');
    PERFORM registry_working_table('projection_rebuild', 'registry_maintainer');
END;
$$;
GRANT SELECT ON projection_rebuild TO registry_app;

-- Snapshots are a cache of an aggregate's state, made from the log; Axon replaces older ones (none are taken today).
GRANT SELECT, INSERT, DELETE ON snapshot_event_entry TO registry_app;
GRANT SELECT ON snapshot_event_entry TO registry_maintainer;

-- Both check at start that the schema is current.
GRANT SELECT ON flyway_schema_history TO registry_app, registry_maintainer;
