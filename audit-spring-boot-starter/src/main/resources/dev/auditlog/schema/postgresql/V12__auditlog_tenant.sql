-- Tenants (issue 14): the Hibernate tenant identifier of the session that made the change,
-- NULL when the application does not use multi-tenancy. Adding a nullable column without a
-- default rewrites nothing. A tenant's entries are read newest first like every page, so the
-- index holds (timestamp, id) behind the tenant; entries without a tenant are left out of it
-- (a query by tenant implies IS NOT NULL). Other filters combined with a tenant use their own
-- index and check the tenant on the rows found. On a large existing table, create the index
-- beforehand with CREATE INDEX CONCURRENTLY under this name: the migration then skips it.
ALTER TABLE auditlog_logentry ADD COLUMN IF NOT EXISTS tenant VARCHAR(255) NULL;
CREATE INDEX IF NOT EXISTS auditlog_logentry_tenant_timestamp_idx ON auditlog_logentry (tenant, timestamp, id)
    WHERE tenant IS NOT NULL;
