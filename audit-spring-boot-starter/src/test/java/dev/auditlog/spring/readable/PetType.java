package dev.auditlog.spring.readable;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
@Auditable
public class PetType {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	protected PetType() {
	}

	public PetType(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
