package dev.auditlog.spring.scenario;

import java.io.Serializable;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

@Entity
@Auditable
@IdClass(Shipment.Key.class)
public class Shipment {

	@Id
	private String carrier;

	@Id
	private String number;

	private String state;

	protected Shipment() {
	}

	public Shipment(String carrier, String number, String state) {
		this.carrier = carrier;
		this.number = number;
		this.state = state;
	}

	public void setState(String state) {
		this.state = state;
	}

	public record Key(String carrier, String number) implements Serializable {

	}

}
