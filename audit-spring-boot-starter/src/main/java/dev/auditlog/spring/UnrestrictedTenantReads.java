package dev.auditlog.spring;

import java.util.function.Supplier;

/**
 * Marks the reads of the current thread that are exempt from a
 * {@link TenantReadRestriction}: system work such as the Kafka export, which must see the
 * entries of every tenant whoever the thread's current tenant is.
 */
final class UnrestrictedTenantReads {

	private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

	private UnrestrictedTenantReads() {
	}

	static <T> T run(Supplier<T> read) {
		boolean outer = ACTIVE.get();
		ACTIVE.set(true);
		try {
			return read.get();
		}
		finally {
			if (outer) {
				ACTIVE.set(true);
			}
			else {
				ACTIVE.remove();
			}
		}
	}

	static boolean active() {
		return ACTIVE.get();
	}

}
