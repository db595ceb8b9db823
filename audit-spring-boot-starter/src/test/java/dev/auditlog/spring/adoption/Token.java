package dev.auditlog.spring.adoption;

import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.Embeddable;

@Embeddable
class Token {

	private String code;

	Token() {
	}

	Token(String code) {
		this.code = code;
	}

	@AuditMask
	public String getCode() {
		return this.code;
	}

}
