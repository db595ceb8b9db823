package dev.auditlog.spring.shapes;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/**
 * The root of a {@code SINGLE_TABLE} hierarchy; only its subclasses have rows.
 */
@Entity
@Auditable
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public abstract class Party {

	@Id
	private Long id;

	private String name;

	protected Party() {
	}

	protected Party(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public void setName(String name) {
		this.name = name;
	}

}
