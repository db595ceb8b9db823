package dev.auditlog.spring.maskcheck.transientfield;

import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

/**
 * Masks a field that is not persistent.
 */
@Entity
@Auditable
public class Account {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@AuditMask
	@Transient
	private String pin;

}
