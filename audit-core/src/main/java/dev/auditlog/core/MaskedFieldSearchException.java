package dev.auditlog.core;

/**
 * Thrown when a query filters on the value of a masked field: masked values are stored
 * masked, and searching them by value would tell the clear value by trying candidates, so
 * a masked field can be searched by its name only
 * ({@link LogEntryQuery.Builder#changedField(String)}).
 *
 * @since 0.2.0
 */
public class MaskedFieldSearchException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String model;

	private final String field;

	/**
	 * Create an exception for a search by value of the given masked field.
	 * @param model the entity name
	 * @param field the masked field
	 */
	public MaskedFieldSearchException(String model, String field) {
		super("Field '" + field + "' of " + model + " is masked: it can be searched by name (changed=" + field
				+ ") but never by value (changedTo, changedFrom)");
		this.model = model;
		this.field = field;
	}

	/**
	 * Return the entity name of the model.
	 * @return the model
	 */
	public String getModel() {
		return this.model;
	}

	/**
	 * Return the masked field.
	 * @return the field name
	 */
	public String getField() {
		return this.field;
	}

}
