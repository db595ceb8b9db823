package dev.auditlog.spring;

import org.jspecify.annotations.Nullable;

/**
 * Restricts the readers of the audit log to the entries of their own tenant. With
 * {@code auditlog.tenant.restrict-reads=true} the starter provides one that asks
 * Hibernate's {@code CurrentTenantIdentifierResolver} (a root tenant, as the resolver's
 * {@code isRoot} says, reads every tenant); an application may declare its own bean
 * instead, for instance from the authenticated user's authorities.
 * <p>
 * Every read of the {@link dev.auditlog.AuditLog} (queries, one entry by id, an object's
 * history, state and diff), the actuator endpoint (which answers {@code 403} to a
 * {@code tenant} parameter naming another tenant) and the page then sees only the current
 * tenant's entries.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface TenantReadRestriction {

	/**
	 * Return the tenant whose entries the current reader may read.
	 * @return the tenant identifier as entries store it, or {@code null} when the reader
	 * may read the entries of every tenant
	 */
	@Nullable String currentTenant();

}
