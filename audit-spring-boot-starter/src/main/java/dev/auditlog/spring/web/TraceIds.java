package dev.auditlog.spring.web;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;

/**
 * The id of the current trace, from a Micrometer Tracing {@link Tracer}. Only loaded when
 * Micrometer Tracing is on the class path.
 */
final class TraceIds implements Supplier<@Nullable String> {

	private final Tracer tracer;

	private TraceIds(Tracer tracer) {
		this.tracer = tracer;
	}

	/**
	 * Return the trace ids of the tracer of the bean factory, or a supplier of
	 * {@code null} if there is no tracer.
	 */
	static Supplier<@Nullable String> of(BeanFactory beanFactory) {
		Tracer tracer = beanFactory.getBeanProvider(Tracer.class).getIfUnique();
		return (tracer != null && tracer != Tracer.NOOP) ? new TraceIds(tracer) : () -> null;
	}

	@Override
	public @Nullable String get() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		String traceId = span.context().traceId();
		return (traceId.isEmpty()) ? null : traceId;
	}

}
