package dev.auditlog.spring.masking;

import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.Embeddable;

/**
 * The billing address of a card, nested in {@link CardDetails}: its postal code is logged
 * masked wherever the card is.
 */
@Embeddable
public class BillingAddress {

	private String city;

	@AuditMask
	private String zip;

	protected BillingAddress() {
	}

	public BillingAddress(String city, String zip) {
		this.city = city;
		this.zip = zip;
	}

	public String getCity() {
		return this.city;
	}

	public String getZip() {
		return this.zip;
	}

	public void setZip(String zip) {
		this.zip = zip;
	}

}
