package dev.auditlog.spring.adoption;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

@Embeddable
class CardEl {

	String holder;

	@Embedded
	Secret secret;

	CardEl() {
	}

	CardEl(String holder, Secret secret) {
		this.holder = holder;
		this.secret = secret;
	}

	@Override
	public String toString() {
		return "CardEl[" + this.holder + "]";
	}

}
