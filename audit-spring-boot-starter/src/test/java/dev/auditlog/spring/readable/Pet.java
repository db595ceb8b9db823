package dev.auditlog.spring.readable;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A pet of a type, without its own {@code toString()}.
 */
@Entity
@Auditable
public class Pet {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private PetType type;

	protected Pet() {
	}

	public Pet(String name, PetType type) {
		this.name = name;
		this.type = type;
	}

	public Long getId() {
		return this.id;
	}

	public PetType getType() {
		return this.type;
	}

	public void setType(PetType type) {
		this.type = type;
	}

}
