package dev.auditlog.spring.adoption;

import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.Embeddable;

@Embeddable
class Secret {

	@AuditMask
	String pan;

	String label;

	Secret() {
	}

	Secret(String pan, String label) {
		this.pan = pan;
		this.label = label;
	}

}
