package dev.auditlog.spring.tenant;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/**
 * A note of one tenant: Hibernate's discriminator multi-tenancy ({@link TenantId}) keeps
 * the tenants' rows apart in one table. Its id is assigned, so that writing one costs no
 * read of a sequence.
 */
@Entity
@Table(name = "tenant_note")
@Auditable
public class Note {

	@Id
	private Long id;

	@TenantId
	private String tenant;

	private String text;

	protected Note() {
	}

	public Note(Long id, String text) {
		this.id = id;
		this.text = text;
	}

	public Long getId() {
		return this.id;
	}

	public String getTenant() {
		return this.tenant;
	}

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	@Override
	public String toString() {
		return "Note " + this.id;
	}

}
