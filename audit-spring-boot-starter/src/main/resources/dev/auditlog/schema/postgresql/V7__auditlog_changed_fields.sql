-- Searching entries by changed field ("changed=status", "changedTo=ACTIVE") looks the
-- field's name up in this GIN index of the names of the fields each entry changed, then
-- checks the value in the entry's changes. Indexing the names alone (a few, always the
-- same ones) rather than the whole document (jsonb_ops: every key and every value) keeps
-- its cost on writes small; audit-benchmarks' ChangedFieldIndexCost measures both.
-- On a large existing table, create the function and then the index beforehand with
-- CREATE INDEX CONCURRENTLY under this name: the migration then does nothing.
CREATE OR REPLACE FUNCTION auditlog_changed_fields(changes jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(k), '{}') FROM jsonb_object_keys(changes) AS k $$;
CREATE INDEX IF NOT EXISTS auditlog_logentry_changes_idx ON auditlog_logentry USING GIN (auditlog_changed_fields(changes));
