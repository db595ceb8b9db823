package dev.auditlog.spring.scenario;

public enum Status {

	DRAFT("Draft"), ACTIVE("On sale"), DISCONTINUED("No longer sold");

	private final String label;

	Status(String label) {
		this.label = label;
	}

	public String getLabel() {
		return this.label;
	}

}
