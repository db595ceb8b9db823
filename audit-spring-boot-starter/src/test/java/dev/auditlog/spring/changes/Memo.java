package dev.auditlog.spring.changes;

import java.time.Instant;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * An entity with a value Hibernate sets on every update, after its dirty check.
 */
@Entity
@Auditable
public class Memo {

	@Id
	private Long id;

	private String text;

	@UpdateTimestamp
	private Instant touchedAt;

	protected Memo() {
	}

	public Memo(Long id, String text) {
		this.id = id;
		this.text = text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public Instant getTouchedAt() {
		return this.touchedAt;
	}

}
