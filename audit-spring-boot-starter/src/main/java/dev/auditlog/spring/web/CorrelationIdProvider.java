package dev.auditlog.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Supplies the correlation id of a request instead of the {@code X-Correlation-ID}
 * header, for example from a tracing system. Name the bean in
 * {@code auditlog.cid.getter}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CorrelationIdProvider {

	/**
	 * Return the correlation id of a request.
	 * @param request the request
	 * @return the correlation id, or {@code null} to have one generated
	 */
	@Nullable String correlationId(HttpServletRequest request);

}
