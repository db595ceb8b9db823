package dev.auditlog.spring.masking;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Embeddable;

/**
 * How a payment is made: the root of an embeddable hierarchy, whose subclasses add masked
 * fields of their own.
 */
@Embeddable
@DiscriminatorColumn(name = "method_kind")
@DiscriminatorValue("any")
public class PaymentMethod {

	private String label;

	protected PaymentMethod() {
	}

	public PaymentMethod(String label) {
		this.label = label;
	}

	public String getLabel() {
		return this.label;
	}

}
