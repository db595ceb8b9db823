package dev.auditlog.spring.shapes;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/**
 * The root of a {@code JOINED} hierarchy.
 */
@Entity
@Auditable
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Asset {

	@Id
	private Long id;

	private String label;

	protected Asset() {
	}

	protected Asset(Long id, String label) {
		this.id = id;
		this.label = label;
	}

	public Long getId() {
		return this.id;
	}

}
