package dev.auditlog.spring.maskcheck.javavalue;

import dev.auditlog.annotation.AuditJavaValue;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * {@code @AuditJavaValue} on an attribute without a converter.
 */
@Entity
@Auditable
public class Account {

	@Id
	private Long id;

	@AuditJavaValue
	private String name;

}
