package dev.auditlog.spring.scenario;

import java.math.BigDecimal;

import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {

	private String last4;

	protected CardPayment() {
	}

	public CardPayment(BigDecimal amount, String last4) {
		super(amount);
		this.last4 = last4;
	}

	public void setLast4(String last4) {
		this.last4 = last4;
	}

}
