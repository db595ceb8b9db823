package dev.auditlog.spring.completion;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
@Auditable
public class PurchaseLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne
	private PurchaseOrder order;

	private String item;

	protected PurchaseLine() {
	}

	public PurchaseLine(PurchaseOrder order, String item) {
		this.order = order;
		this.item = item;
		order.getLines().add(this);
	}

	public Long getId() {
		return this.id;
	}

	public String getItem() {
		return this.item;
	}

	@Override
	public String toString() {
		return "Line " + this.item;
	}

}
