package dev.auditlog.spring.scenario;

import java.math.BigDecimal;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

@Entity
@Auditable
@Inheritance(strategy = InheritanceType.JOINED)
public class Payment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private BigDecimal amount;

	protected Payment() {
	}

	public Payment(BigDecimal amount) {
		this.amount = amount;
	}

	public Long getId() {
		return this.id;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

}
