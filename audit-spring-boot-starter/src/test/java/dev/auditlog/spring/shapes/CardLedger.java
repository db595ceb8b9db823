package dev.auditlog.spring.shapes;

import jakarta.persistence.Entity;

@Entity
public class CardLedger extends Ledger {

	private String network;

	protected CardLedger() {
	}

	public CardLedger(Long id, String owner, String network) {
		super(id, owner);
		this.network = network;
	}

}
