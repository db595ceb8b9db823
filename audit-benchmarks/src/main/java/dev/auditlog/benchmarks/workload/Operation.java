package dev.auditlog.benchmarks.workload;

/**
 * What a workload does to items, one transaction at a time.
 */
public enum Operation {

	/** Create items, each with a category and two tags. */
	CREATE("create"),

	/** Change one field (the name) of items. */
	UPDATE_ONE("update 1 field"),

	/** Change five fields (name, description, price, status, due date) of items. */
	UPDATE_FIVE("update 5 fields"),

	/** Add a tag to items, or remove it: a change of the many-to-many association. */
	M2M("m2m add/remove"),

	/** Delete items. */
	DELETE("delete");

	private final String label;

	Operation(String label) {
		this.label = label;
	}

	/**
	 * Return how the report names this operation.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
