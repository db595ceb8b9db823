package dev.auditlog.spring.ui;

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
public class Gadget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@AuditLabel("Unit price")
	@Column(precision = 12, scale = 2)
	private BigDecimal unitPrice;

	@AuditMask
	private String supplierCode;

	protected Gadget() {
	}

	Gadget(String name, BigDecimal unitPrice, String supplierCode) {
		this.name = name;
		this.unitPrice = unitPrice;
		this.supplierCode = supplierCode;
	}

	Long getId() {
		return this.id;
	}

	void setUnitPrice(BigDecimal unitPrice) {
		this.unitPrice = unitPrice;
	}

	@Override
	public String toString() {
		return "Gadget " + this.name;
	}

}
