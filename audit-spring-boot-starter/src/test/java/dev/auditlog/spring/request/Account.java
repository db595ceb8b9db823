package dev.auditlog.spring.request;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

@Entity
@Auditable(excludeFields = { "createdBy", "lastModifiedBy" })
@EntityListeners(AuditingEntityListener.class)
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String status = "OPEN";

	@CreatedBy
	private String createdBy;

	@LastModifiedBy
	private String lastModifiedBy;

	protected Account() {
	}

	public Account(String name) {
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

	public String getStatus() {
		return this.status;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public String getLastModifiedBy() {
		return this.lastModifiedBy;
	}

	@Override
	public String toString() {
		return "Account " + this.name;
	}

}
