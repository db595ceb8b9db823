package dev.auditlog.spring.shapes;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.Formula;

/**
 * A {@code @MappedSuperclass} of two audited entities, with a value the database
 * computes: {@code total}.
 */
@MappedSuperclass
public abstract class Line {

	@Id
	private Long id;

	private int quantity;

	@Column(precision = 12, scale = 2)
	private BigDecimal unitPrice;

	@Formula("quantity * unit_price")
	private BigDecimal total;

	protected Line() {
	}

	protected Line(Long id, int quantity, BigDecimal unitPrice) {
		this.id = id;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
	}

	public Long getId() {
		return this.id;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

}
