package dev.auditlog.spring.units.legacy;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import dev.auditlog.spring.units.Stamped;
import jakarta.persistence.Table;

/**
 * An audited entity of the secondary ("legacy") persistence unit.
 */
@Entity
@Auditable
@Table(name = "legacy_customer")
public class LegacyCustomer extends Stamped {

	@Id
	private Long id;

	private String name;

	protected LegacyCustomer() {
	}

	public LegacyCustomer(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public void setName(String name) {
		this.name = name;
	}

}
