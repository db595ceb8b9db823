package dev.auditlog.spring.masking;

import java.util.ArrayList;
import java.util.List;

import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;

/**
 * A loyalty membership, embedded, holding an element collection of voucher codes that are
 * logged masked.
 */
@Embeddable
public class Loyalty {

	private String tier;

	@AuditMask
	@ElementCollection
	@CollectionTable(name = "payment_voucher")
	private List<String> vouchers = new ArrayList<>();

	protected Loyalty() {
	}

	public Loyalty(String tier, List<String> vouchers) {
		this.tier = tier;
		this.vouchers.addAll(vouchers);
	}

	public List<String> getVouchers() {
		return this.vouchers;
	}

}
