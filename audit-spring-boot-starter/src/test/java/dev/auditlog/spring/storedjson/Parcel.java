package dev.auditlog.spring.storedjson;

import java.math.BigDecimal;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * An audited entity whose state is serialized too.
 */
@Entity
@Auditable(serializeData = true)
public class Parcel {

	@Id
	private Long id;

	private String label;

	@Column(precision = 12, scale = 2)
	private @Nullable BigDecimal weight;

	private @Nullable String note;

	protected Parcel() {
		this.id = 0L;
		this.label = "";
	}

	public Parcel(Long id, String label, @Nullable BigDecimal weight) {
		this.id = id;
		this.label = label;
		this.weight = weight;
	}

	public Long getId() {
		return this.id;
	}

	public String getLabel() {
		return this.label;
	}

	public void setWeight(@Nullable BigDecimal weight) {
		this.weight = weight;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	@Override
	public String toString() {
		return "Parcel " + this.label;
	}

}
