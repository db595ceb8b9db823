package dev.auditlog.spring;

import java.util.Map;

import dev.auditlog.core.Action;
import org.jspecify.annotations.Nullable;

/**
 * Contributes extra JSON to the {@code additional_data} of entries, for every audited
 * model (django-auditlog's {@code get_additional_data}, as a bean). An entity can also
 * contribute its own by implementing {@link dev.auditlog.core.AdditionalAuditData}.
 * Contributions are merged in order: the entity's first, then the providers' in their
 * {@link org.springframework.core.annotation.Order order}; a later key wins.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AdditionalDataProvider {

	/**
	 * Return extra data for an entry about to be written.
	 * @param entity the changed entity
	 * @param action what happened to it
	 * @return the extra data, or {@code null} for none
	 */
	@Nullable Map<String, @Nullable Object> additionalData(Object entity, Action action);

}
