package dev.auditlog.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Reference data an {@link Item} holds a few of in a many-to-many association. Equality
 * is identity (as Hibernate recommends for entities used in one session), so that adding
 * a lazy reference to a set never loads it.
 */
@Entity
@Table(name = "tag")
@org.hibernate.envers.Audited
public class Tag {

	@Id
	private Long id;

	private String name = "";

	protected Tag() {
	}

	public Tag(Long id, String name) {
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
		return "Tag " + this.id;
	}

}
