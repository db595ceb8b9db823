package dev.auditlog.spring.masking;

import java.util.Map;

import dev.auditlog.annotation.AuditIgnore;
import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A payment card: the number is logged masked, the security code never; the billing
 * address is a nested embeddable with a masked field of its own; the extras are a JSON
 * document in which configuration masks the pin.
 */
@Embeddable
public class CardDetails {

	private String holder;

	@AuditMask
	private String number;

	@AuditIgnore
	private String securityCode;

	@Embedded
	private BillingAddress billing;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> extras;

	protected CardDetails() {
	}

	public CardDetails(String holder, String number, String securityCode, BillingAddress billing) {
		this.holder = holder;
		this.number = number;
		this.securityCode = securityCode;
		this.billing = billing;
	}

	public String getHolder() {
		return this.holder;
	}

	public String getNumber() {
		return this.number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public String getSecurityCode() {
		return this.securityCode;
	}

	public void setSecurityCode(String securityCode) {
		this.securityCode = securityCode;
	}

	public BillingAddress getBilling() {
		return this.billing;
	}

	public Map<String, Object> getExtras() {
		return this.extras;
	}

	public void setExtras(Map<String, Object> extras) {
		this.extras = extras;
	}

	@Override
	public String toString() {
		return "Card of " + this.holder;
	}

}
