package dev.auditlog.spring.shapes;

import jakarta.persistence.Entity;

@Entity
public class Company extends Party {

	private String vatNumber;

	protected Company() {
	}

	public Company(Long id, String name, String vatNumber) {
		super(id, name);
		this.vatNumber = vatNumber;
	}

}
