package dev.auditlog.spring.maskcheck.embeddedid;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/**
 * Keyed by an {@link AccountKey}, which excludes a part of the key.
 */
@Entity
@Auditable
public class Account {

	@EmbeddedId
	private AccountKey key;

	private String name;

}
