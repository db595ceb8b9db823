package dev.auditlog.spring.units;

import jakarta.persistence.MappedSuperclass;

/**
 * A {@code @MappedSuperclass} of an entity of each persistence unit.
 */
@MappedSuperclass
public abstract class Stamped {

	private String note;

	public String getNote() {
		return this.note;
	}

}
