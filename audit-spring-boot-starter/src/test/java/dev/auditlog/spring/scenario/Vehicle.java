package dev.auditlog.spring.scenario;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

@Entity
@Auditable
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public abstract class Vehicle {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String plate;

	protected Vehicle() {
	}

	protected Vehicle(String plate) {
		this.plate = plate;
	}

	public Long getId() {
		return this.id;
	}

	public void setPlate(String plate) {
		this.plate = plate;
	}

}
