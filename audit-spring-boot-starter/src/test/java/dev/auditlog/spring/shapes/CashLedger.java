package dev.auditlog.spring.shapes;

import jakarta.persistence.Entity;

@Entity
public class CashLedger extends Ledger {

	private String till;

	protected CashLedger() {
	}

	public CashLedger(Long id, String owner, String till) {
		super(id, owner);
		this.till = till;
	}

}
