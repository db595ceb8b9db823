package dev.auditlog.spring.shapes;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/**
 * The root of a {@code TABLE_PER_CLASS} hierarchy.
 */
@Entity
@Auditable
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Ledger {

	@Id
	private Long id;

	private String owner;

	protected Ledger() {
	}

	protected Ledger(Long id, String owner) {
		this.id = id;
		this.owner = owner;
	}

	public Long getId() {
		return this.id;
	}

}
