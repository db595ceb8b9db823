package dev.auditlog.spring.masking;

import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Embeddable;

/**
 * A payment method of the embeddable hierarchy whose IBAN is logged masked.
 */
@Embeddable
@DiscriminatorValue("bank")
public class BankTransfer extends PaymentMethod {

	@AuditMask
	private String iban;

	protected BankTransfer() {
	}

	public BankTransfer(String label, String iban) {
		super(label);
		this.iban = iban;
	}

}
