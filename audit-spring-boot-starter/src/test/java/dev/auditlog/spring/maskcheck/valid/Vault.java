package dev.auditlog.spring.maskcheck.valid;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * Annotations that take effect in every way they may be written: on a record's component
 * (so on its field and its accessor), and on the getter of an embeddable's field.
 */
@Entity
@Auditable
public class Vault {

	@Id
	@GeneratedValue
	private Long id;

	@Embedded
	private Token token;

	@Embedded
	private Lock lock;

	protected Vault() {
	}

	public Vault(Token token, Lock lock) {
		this.token = token;
		this.lock = lock;
	}

}
