package dev.auditlog.spring.readable;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * An entity without its own {@code toString()}, as in many applications.
 */
@Entity
@Auditable
public class Visit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String description;

	private String telephone;

	@ManyToOne(fetch = FetchType.LAZY)
	private Pet pet;

	protected Visit() {
	}

	public Visit(String description, String telephone) {
		this.description = description;
		this.telephone = telephone;
	}

	public Long getId() {
		return this.id;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public void setPet(Pet pet) {
		this.pet = pet;
	}

	public void setTelephone(String telephone) {
		this.telephone = telephone;
	}

}
