package dev.auditlog.spring.maskcheck.identifier;

import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * Masks its identifier, which every entry names in clear.
 */
@Entity
@Auditable
public class Account {

	@Id
	@AuditMask
	private String iban;

	private String name;

}
