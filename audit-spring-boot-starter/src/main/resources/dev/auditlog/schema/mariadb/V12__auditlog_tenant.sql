-- Tenants (issue 14): the Hibernate tenant identifier of the session that made the change,
-- NULL when the application does not use multi-tenancy. A tenant's entries are read newest
-- first like every page, so the index holds (timestamp, id) behind the tenant. MariaDB adds
-- the column in place (ALGORITHM=INSTANT) and builds the index without blocking writes.
ALTER TABLE auditlog_logentry ADD COLUMN tenant VARCHAR(255) NULL;
CREATE INDEX auditlog_logentry_tenant_timestamp_idx ON auditlog_logentry (tenant, timestamp, id);
