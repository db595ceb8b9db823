package dev.auditlog.spring.export;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * An audited entity, with its state serialized into each entry.
 */
@Entity
@Auditable(serializeData = true)
public class Parcel {

	@Id
	@GeneratedValue
	private @Nullable Long id;

	private String label;

	private int weight;

	protected Parcel() {
		this.label = "";
	}

	public Parcel(String label, int weight) {
		this.label = label;
		this.weight = weight;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public int getWeight() {
		return this.weight;
	}

	public void setWeight(int weight) {
		this.weight = weight;
	}

	@Override
	public String toString() {
		return "Parcel " + this.label;
	}

}
