package dev.auditlog.spring;

/**
 * A persistence unit with audited entities whose database the audit log cannot serve: an
 * unsupported database, audit tables that are missing and not to be created, or a model
 * audited in two units. Stops startup with a message naming the unit and what to change,
 * rather than failing the first transaction that changes one of its entities.
 *
 * @since 0.1.0
 */
public class InvalidAuditDatabaseException extends InvalidAuditConfigurationException {

	private static final long serialVersionUID = 1L;

	private final String action;

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the persistence unit
	 * @param action what to change
	 * @param cause the underlying failure, or {@code null}
	 */
	public InvalidAuditDatabaseException(String message, String action,
			@org.jspecify.annotations.Nullable Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/**
	 * Return what to change.
	 * @return the action, for Spring Boot's failure report
	 */
	public String getAction() {
		return this.action;
	}

}
