package dev.auditlog.spring.completion;

import java.util.ArrayList;
import java.util.List;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

@Entity
@Auditable
public class PurchaseOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String reference;

	@OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
	private List<PurchaseLine> lines = new ArrayList<>();

	protected PurchaseOrder() {
	}

	public PurchaseOrder(String reference) {
		this.reference = reference;
	}

	public Long getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

	public void setReference(String reference) {
		this.reference = reference;
	}

	public List<PurchaseLine> getLines() {
		return this.lines;
	}

	@Override
	public String toString() {
		return "Order " + this.reference;
	}

}
