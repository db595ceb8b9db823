package dev.auditlog.spring.units.primary;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import dev.auditlog.spring.units.Stamped;
import jakarta.persistence.Table;

/**
 * An audited entity of the primary persistence unit.
 */
@Entity
@Auditable
@Table(name = "booking")
public class Booking extends Stamped {

	@Id
	private Long id;

	private String room;

	protected Booking() {
	}

	public Booking(Long id, String room) {
		this.id = id;
		this.room = room;
	}

	public Long getId() {
		return this.id;
	}

	public void setRoom(String room) {
		this.room = room;
	}

}
