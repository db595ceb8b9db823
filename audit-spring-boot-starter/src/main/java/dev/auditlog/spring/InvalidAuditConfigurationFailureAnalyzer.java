package dev.auditlog.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup stopped by {@link InvalidAuditConfigurationException} in Spring
 * Boot's failure report, with what to change.
 */
class InvalidAuditConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAuditConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAuditConfigurationException cause) {
		if (cause instanceof InvalidAuditDatabaseException database) {
			return new FailureAnalysis(cause.getMessage(), database.getAction(), cause);
		}
		return new FailureAnalysis(cause.getMessage(),
				"Correct the auditlog.* configuration or the @Auditable annotation: models are named by their JPA "
						+ "entity name (Product) or class name ([com.example.Product] in properties), fields by their "
						+ "Java name (unitPrice), fields of embedded values as address.city; mask-fields and "
						+ "exclude-fields also take fields of the elements of an element collection (cards.number) "
						+ "and paths inside a JSON document (metadata.secret). Put @AuditMask, @AuditIgnore and "
						+ "@AuditLabel on a persistent field or its getter.",
				cause);
	}

}
