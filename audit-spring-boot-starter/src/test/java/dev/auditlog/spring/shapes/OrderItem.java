package dev.auditlog.spring.shapes;

import java.math.BigDecimal;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;

@Entity
@Auditable(serializeData = true)
public class OrderItem extends Line {

	protected OrderItem() {
	}

	public OrderItem(Long id, int quantity, BigDecimal unitPrice) {
		super(id, quantity, unitPrice);
	}

}
