package dev.auditlog.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Reference data an {@link Item} points to with a to-one association. Envers requires the
 * target of an audited association to be audited too; the annotation does nothing in the
 * other variants, where Envers is switched off.
 */
@Entity
@Table(name = "category")
@org.hibernate.envers.Audited
public class Category {

	@Id
	private Long id;

	private String name = "";

	protected Category() {
	}

	public Category(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	@Override
	public String toString() {
		return "Category " + this.id;
	}

}
