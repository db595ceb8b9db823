package dev.auditlog.spring.masking;

import dev.auditlog.annotation.AuditIgnore;
import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.Embeddable;

/**
 * A digital wallet, embedded as one JSON column (an aggregate embeddable): its token is
 * logged masked, its PIN never.
 */
@Embeddable
public class Wallet {

	private String provider;

	@AuditMask
	private String token;

	@AuditIgnore
	private String pin;

	protected Wallet() {
	}

	public Wallet(String provider, String token, String pin) {
		this.provider = provider;
		this.token = token;
		this.pin = pin;
	}

}
