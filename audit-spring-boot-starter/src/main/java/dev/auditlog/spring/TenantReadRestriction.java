package dev.auditlog.spring;

import java.util.function.Supplier;

import dev.auditlog.core.StoredText;
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
	 * @throws UnknownTenantException when the reader's tenant is not known (the starter's
	 * restriction, when Hibernate's resolver gives no tenant and the reader is not a root
	 * tenant): the read is refused rather than widened to every tenant
	 */
	@Nullable String currentTenant();

	/**
	 * Run reads of the {@link dev.auditlog.AuditLog} on the current thread without the
	 * restriction, for system work that must see every tenant's entries (the starter's
	 * Kafka export uses it; so can an application's own export or archiving job). Reads
	 * of other threads stay restricted.
	 * @param <T> the type of what the reads return
	 * @param read the reads to run
	 * @return what {@code read} returns
	 */
	static <T> T unrestricted(Supplier<T> read) {
		return UnrestrictedTenantReads.run(read);
	}

	/**
	 * Return whether the current thread runs inside {@link #unrestricted(Supplier)}.
	 * @return {@code true} when reads of this thread are not restricted
	 */
	static boolean isUnrestricted() {
		return UnrestrictedTenantReads.active();
	}

	/**
	 * Return the tenant a restriction confines the current thread's reads to, as entries
	 * store it (cut to the column's 255 characters).
	 * @param restriction the restriction, or {@code null} for none
	 * @return the tenant, or {@code null} when reads are not restricted (no restriction,
	 * a root reader, or inside {@link #unrestricted(Supplier)})
	 * @throws UnknownTenantException when the restriction cannot tell the tenant or gives
	 * a blank one
	 */
	static @Nullable String readableTenant(@Nullable TenantReadRestriction restriction) {
		if (restriction == null || isUnrestricted()) {
			return null;
		}
		String tenant = restriction.currentTenant();
		if (tenant != null && tenant.isBlank()) {
			throw new UnknownTenantException("Reads are restricted to the reader's own tenant "
					+ "(auditlog.tenant.restrict-reads) and the TenantReadRestriction gave a blank tenant");
		}
		return (tenant != null) ? StoredText.fit(tenant, StoredText.COLUMN_LENGTH) : null;
	}

	/**
	 * Thrown by a restriction that cannot tell the reader's tenant: the read is refused
	 * (the actuator endpoint answers {@code 403} naming {@code tenant}).
	 */
	class UnknownTenantException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create an exception.
		 * @param message why the tenant is not known
		 */
		public UnknownTenantException(String message) {
			super(message);
		}

	}

}
