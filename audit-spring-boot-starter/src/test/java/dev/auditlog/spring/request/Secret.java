package dev.auditlog.spring.request;

import dev.auditlog.annotation.Auditable;
import dev.auditlog.core.Action;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * Audited, but reads of it are not logged.
 */
@Entity
@Auditable(actions = { Action.CREATE, Action.UPDATE, Action.DELETE })
public class Secret {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	protected Secret() {
	}

	public Secret(String code) {
		this.code = code;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

}
