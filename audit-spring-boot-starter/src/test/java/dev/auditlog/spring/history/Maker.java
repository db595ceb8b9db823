package dev.auditlog.spring.history;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * The target of a gadget's to-one association; not audited.
 */
@Entity
public class Maker {

	@Id
	@GeneratedValue
	private @Nullable Long id;

	private String name;

	protected Maker() {
		this.name = "";
	}

	public Maker(String name) {
		this.name = name;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	@Override
	public String toString() {
		return "Maker " + this.name;
	}

}
