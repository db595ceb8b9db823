package dev.auditlog.spring.reading;

import java.math.BigDecimal;

import dev.auditlog.annotation.AuditLabel;
import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
@Auditable
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	@AuditLabel("Price")
	@Column(precision = 12, scale = 2)
	private BigDecimal unitPrice;

	@AuditMask
	private String supplierCode;

	protected Book() {
	}

	public Book(String title, BigDecimal unitPrice, String supplierCode) {
		this.title = title;
		this.unitPrice = unitPrice;
		this.supplierCode = supplierCode;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public void setUnitPrice(BigDecimal unitPrice) {
		this.unitPrice = unitPrice;
	}

	@Override
	public String toString() {
		return "Book " + this.title;
	}

}
