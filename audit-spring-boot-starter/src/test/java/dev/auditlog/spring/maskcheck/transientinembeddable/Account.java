package dev.auditlog.spring.maskcheck.transientinembeddable;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * Embeds a {@link Wallet}, which excludes a transient field.
 */
@Entity
@Auditable
public class Account {

	@Id
	@GeneratedValue
	private Long id;

	@Embedded
	private Wallet wallet;

}
