-- Searching entries by changed field ("changed=status", "changedTo=ACTIVE") looks the
-- field's name up in this GIN index of the names of the fields each entry changed (the
-- keys of its changes, as a JSON array, by built-in functions only), then checks the
-- value in the entry's changes. Indexing the names alone (a few, always the same ones)
-- rather than the whole document (jsonb_ops: every key and every value) keeps the index
-- at a few percent of the table; audit-benchmarks' ChangedFieldIndexCost measures both.
-- On a large existing table, create the index beforehand with CREATE INDEX CONCURRENTLY
-- under this name: the migration then does nothing.
CREATE INDEX IF NOT EXISTS auditlog_logentry_changes_idx ON auditlog_logentry
    USING GIN ((jsonb_path_query_array(changes, '$.keyvalue().key')) jsonb_path_ops);
