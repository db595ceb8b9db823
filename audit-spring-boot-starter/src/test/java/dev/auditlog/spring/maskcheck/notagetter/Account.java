package dev.auditlog.spring.maskcheck.notagetter;

import dev.auditlog.annotation.AuditIgnore;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * Excludes a setter, which names no property to exclude.
 */
@Entity
@Auditable
public class Account {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@AuditIgnore
	public void setName(String name) {
		this.name = name;
	}

}
