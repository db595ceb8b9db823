package dev.auditlog.sample;

/**
 * Where a product is in its life; shown by its label in {@code changesDisplay}.
 */
public enum ProductStatus {

	DRAFT("Draft"), ACTIVE("On sale"), DISCONTINUED("Discontinued");

	private final String label;

	ProductStatus(String label) {
		this.label = label;
	}

	public String getLabel() {
		return this.label;
	}

}
