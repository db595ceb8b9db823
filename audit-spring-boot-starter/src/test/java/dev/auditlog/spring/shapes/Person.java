package dev.auditlog.spring.shapes;

import jakarta.persistence.Entity;

@Entity
public class Person extends Party {

	private String email;

	protected Person() {
	}

	public Person(Long id, String name, String email) {
		super(id, name);
		this.email = email;
	}

}
