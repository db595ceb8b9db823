package dev.auditlog.spring.adoption;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class Owner {

	@Id
	Long id;

	String name;

	Owner() {
	}

	Owner(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	@Override
	public String toString() {
		return "Owner " + this.name;
	}

}
