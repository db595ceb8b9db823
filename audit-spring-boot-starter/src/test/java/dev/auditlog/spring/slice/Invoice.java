package dev.auditlog.spring.slice;

import java.math.BigDecimal;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@Auditable
public class Invoice {

	@Id
	private String number;

	private BigDecimal total;

	protected Invoice() {
	}

	public Invoice(String number, BigDecimal total) {
		this.number = number;
		this.total = total;
	}

	public String getNumber() {
		return this.number;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	public void setTotal(BigDecimal total) {
		this.total = total;
	}

}
