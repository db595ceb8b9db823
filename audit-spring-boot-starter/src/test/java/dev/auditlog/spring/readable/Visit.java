package dev.auditlog.spring.readable;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

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

	public void setTelephone(String telephone) {
		this.telephone = telephone;
	}

}
