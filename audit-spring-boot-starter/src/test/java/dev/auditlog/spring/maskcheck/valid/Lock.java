package dev.auditlog.spring.maskcheck.valid;

import dev.auditlog.annotation.AuditIgnore;
import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.Embeddable;

/**
 * An embeddable annotated on its getters.
 */
@Embeddable
public class Lock {

	private String combination;

	private String model;

	private String masterKey;

	protected Lock() {
	}

	public Lock(String combination, String model, String masterKey) {
		this.combination = combination;
		this.model = model;
		this.masterKey = masterKey;
	}

	@AuditMask
	public String getCombination() {
		return this.combination;
	}

	public String getModel() {
		return this.model;
	}

	@AuditIgnore
	public String getMasterKey() {
		return this.masterKey;
	}

}
