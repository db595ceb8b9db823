package dev.auditlog.spring.fitting;

import dev.auditlog.annotation.Auditable;
import dev.auditlog.core.FkRepresentation;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/**
 * An entity whose {@code toString()} shows its partner, whose {@code toString()} shows
 * it: the recursion without end that generated {@code toString()}s of entities that
 * reference each other have.
 */
@Entity
@Auditable(fkRepresentation = FkRepresentation.STRING)
public class Node {

	@Id
	private String name;

	@ManyToOne
	private @Nullable Node partner;

	protected Node() {
		this.name = "";
	}

	public Node(String name) {
		this.name = name;
	}

	public void setPartner(@Nullable Node partner) {
		this.partner = partner;
	}

	@Override
	public String toString() {
		return "Node " + this.name + " with " + this.partner;
	}

}
