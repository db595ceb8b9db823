package dev.auditlog.spring.maskcheck.embeddedid;

import java.io.Serializable;
import java.util.Objects;

import dev.auditlog.annotation.AuditIgnore;
import jakarta.persistence.Embeddable;

/**
 * A composite key whose part is excluded, although every entry names it in clear.
 */
@Embeddable
public class AccountKey implements Serializable {

	private String bank;

	@AuditIgnore
	private String number;

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountKey key && Objects.equals(this.bank, key.bank)
				&& Objects.equals(this.number, key.number);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.bank, this.number);
	}

}
