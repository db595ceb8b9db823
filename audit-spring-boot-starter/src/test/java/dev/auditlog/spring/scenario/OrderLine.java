package dev.auditlog.spring.scenario;

import java.io.Serializable;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

@Entity
@Auditable
public class OrderLine {

	@EmbeddedId
	private Key key;

	private int quantity;

	protected OrderLine() {
	}

	public OrderLine(long orderId, int line, int quantity) {
		this.key = new Key(orderId, line);
		this.quantity = quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	@Embeddable
	public record Key(long orderId, int line) implements Serializable {

	}

}
