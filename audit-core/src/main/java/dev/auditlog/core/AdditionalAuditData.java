package dev.auditlog.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by an audited entity that adds extra JSON to the {@code additional_data} of
 * its log entries, as django-auditlog's {@code get_additional_data()}.
 *
 * <pre class="code">
 * &#64;Override
 * public Map&lt;String, Object&gt; additionalAuditData() {
 *     return Map.of("warehouse", this.warehouse.getCode());
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AdditionalAuditData {

	/**
	 * Return extra data for an entry about to be written.
	 * @return the data, or {@code null} for none
	 */
	@Nullable Map<String, @Nullable Object> additionalAuditData();

}
