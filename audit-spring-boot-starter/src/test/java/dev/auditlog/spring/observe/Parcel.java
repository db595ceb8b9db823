package dev.auditlog.spring.observe;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An audited entity with a text key, so that a test can refuse the entry of one key.
 */
@Entity
@Table(name = "observe_parcel")
@Auditable
public class Parcel {

	@Id
	private String code;

	private String destination;

	protected Parcel() {
		this.code = "";
		this.destination = "";
	}

	public Parcel(String code, String destination) {
		this.code = code;
		this.destination = destination;
	}

	public String getCode() {
		return this.code;
	}

	public String getDestination() {
		return this.destination;
	}

	public void setDestination(String destination) {
		this.destination = destination;
	}

	@Override
	public String toString() {
		return this.code;
	}

}
