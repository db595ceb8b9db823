package dev.auditlog.spring.config.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * An entity named by its fully qualified class name in the tests' configuration.
 */
@Entity
public class Gadget {

	@Id
	@GeneratedValue
	private Long id;

	private String serial;

	protected Gadget() {
	}

	public Gadget(String serial) {
		this.serial = serial;
	}

	public Long getId() {
		return this.id;
	}

	public String getSerial() {
		return this.serial;
	}

	@Override
	public String toString() {
		return "Gadget #" + this.id;
	}

}
