package dev.auditlog.spring.shapes;

import java.math.BigDecimal;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;

@Entity
@Auditable
public class QuoteItem extends Line {

	protected QuoteItem() {
	}

	public QuoteItem(Long id, int quantity, BigDecimal unitPrice) {
		super(id, quantity, unitPrice);
	}

}
