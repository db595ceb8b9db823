package dev.auditlog.spring.maskcheck.nopersistentproperty;

import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * Masks a getter whose value is computed, not stored.
 */
@Entity
@Auditable
public class Account {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@AuditMask
	public String getDisplayName() {
		return "Account " + this.name;
	}

}
