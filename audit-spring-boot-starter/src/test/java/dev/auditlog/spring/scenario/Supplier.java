package dev.auditlog.spring.scenario;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * Audited through {@code auditlog.models.Supplier} only, not by annotation.
 */
@Entity
public class Supplier {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String iban;

	private String internalNote;

	private int rating;

	protected Supplier() {
	}

	public Supplier(String name, String iban, String internalNote, int rating) {
		this.name = name;
		this.iban = iban;
		this.internalNote = internalNote;
		this.rating = rating;
	}

	public Long getId() {
		return this.id;
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setInternalNote(String internalNote) {
		this.internalNote = internalNote;
	}

	public void setRating(int rating) {
		this.rating = rating;
	}

	@Override
	public String toString() {
		return "Supplier " + this.name;
	}

}
