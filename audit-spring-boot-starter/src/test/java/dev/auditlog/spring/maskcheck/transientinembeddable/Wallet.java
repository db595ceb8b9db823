package dev.auditlog.spring.maskcheck.transientinembeddable;

import dev.auditlog.annotation.AuditIgnore;
import jakarta.persistence.Embeddable;

/**
 * Excludes a field that the Java modifier {@code transient} keeps out of the mapping.
 */
@Embeddable
public class Wallet {

	private String owner;

	@AuditIgnore
	private transient String cache;

}
