package dev.auditlog.spring.scenario;

import java.util.Map;

import dev.auditlog.annotation.Auditable;
import dev.auditlog.core.AdditionalAuditData;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
@Auditable
public class Category implements AdditionalAuditData {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	protected Category() {
	}

	public Category(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	@Override
	public Map<String, Object> additionalAuditData() {
		return Map.of("nameLength", this.name.length());
	}

	@Override
	public String toString() {
		return "Category " + this.name;
	}

}
