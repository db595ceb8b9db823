package dev.auditlog.spring.adoption;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

@Entity
@Auditable
class LongKeyed {

	@EmbeddedId
	LongKey id;

	String name;

	LongKeyed() {
	}

	LongKeyed(LongKey id, String name) {
		this.id = id;
		this.name = name;
	}

}
