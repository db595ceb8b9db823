package dev.auditlog.spring;

import org.jspecify.annotations.Nullable;

/**
 * The audit configuration names something the application does not have: a model, a
 * field, a collection or a bean. Stops startup with a message naming it.
 *
 * @since 0.1.0
 */
public class InvalidAuditConfigurationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the culprit
	 */
	public InvalidAuditConfigurationException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the culprit
	 * @param cause the underlying failure
	 */
	public InvalidAuditConfigurationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
