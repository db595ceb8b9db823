package dev.auditlog.spring.maskcheck.staticfield;

import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * Masks a static field.
 */
@Entity
@Auditable
public class Account {

	@AuditMask
	static String defaultPin = "0000";

	@Id
	@GeneratedValue
	private Long id;

	private String name;

}
