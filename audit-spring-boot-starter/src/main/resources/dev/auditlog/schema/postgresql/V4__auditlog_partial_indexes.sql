-- Entries written outside a request or an AuditContext scope (imports, jobs) have no actor and
-- no correlation id. Leaving them out of these two indexes makes writing them cheaper; a query
-- by actor or by cid implies IS NOT NULL, so it still uses them. (MariaDB and H2 have no
-- partial indexes.)
DROP INDEX auditlog_logentry_actor_timestamp_idx;
CREATE INDEX auditlog_logentry_actor_timestamp_idx ON auditlog_logentry (actor, timestamp, id) WHERE actor IS NOT NULL;
DROP INDEX auditlog_logentry_cid_idx;
CREATE INDEX auditlog_logentry_cid_idx ON auditlog_logentry (cid) WHERE cid IS NOT NULL;
