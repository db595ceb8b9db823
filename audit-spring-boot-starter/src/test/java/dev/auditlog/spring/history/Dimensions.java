package dev.auditlog.spring.history;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * An embeddable logged under dotted paths ({@code dimensions.width}).
 */
@Embeddable
public class Dimensions {

	@Column(precision = 8, scale = 3)
	private @Nullable BigDecimal width;

	private @Nullable String unit;

	protected Dimensions() {
	}

	public Dimensions(@Nullable BigDecimal width, @Nullable String unit) {
		this.width = width;
		this.unit = unit;
	}

	public @Nullable BigDecimal getWidth() {
		return this.width;
	}

	public @Nullable String getUnit() {
		return this.unit;
	}

}
