-- Searching entries by changed field ("changed=status", "changedTo=ACTIVE") asks
-- "changes ? 'status'" and "changes @> '{"status": ["ACTIVE"]}'"; this GIN index (the
-- default jsonb_ops, which serves both operators) answers them without reading every
-- entry. GIN's pending list (fastupdate, on by default) keeps its cost on writes small.
-- On a large existing table, create it beforehand with CREATE INDEX CONCURRENTLY under
-- this name: the migration then finds it and does nothing.
CREATE INDEX IF NOT EXISTS auditlog_logentry_changes_idx ON auditlog_logentry USING GIN (changes);
