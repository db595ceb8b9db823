package dev.auditlog.spring.context;

import dev.auditlog.core.AuditContext;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer's context propagation (Reactor,
 * {@code ContextPropagatingTaskDecorator}, {@code ContextSnapshotFactory}) carry the
 * {@link AuditContext} to other threads. Registered through {@code META-INF/services}.
 *
 * @since 0.1.0
 */
public class AuditContextThreadLocalAccessor implements ThreadLocalAccessor<AuditContext.Snapshot> {

	/** The key of the audit context in a context snapshot. */
	public static final String KEY = "dev.auditlog.context";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public AuditContext.@Nullable Snapshot getValue() {
		AuditContext.Snapshot snapshot = AuditContext.capture();
		return snapshot.equals(AuditContext.Snapshot.EMPTY) ? null : snapshot;
	}

	@Override
	public void setValue(AuditContext.Snapshot value) {
		AuditContext.open(value);
	}

	@Override
	public void setValue() {
		AuditContext.open(AuditContext.Snapshot.EMPTY);
	}

}
