package dev.auditlog.spring.scenario;

import java.util.UUID;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@Auditable
public class Document {

	@Id
	private UUID id;

	private String title;

	protected Document() {
	}

	public Document(UUID id, String title) {
		this.id = id;
		this.title = title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	@Override
	public String toString() {
		return "Document " + this.title;
	}

}
