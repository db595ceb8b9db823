package dev.auditlog.spring.shapes;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Applies to every {@link Sku} attribute: stores the code upper-cased without spaces.
 */
@Converter(autoApply = true)
public class SkuConverter implements AttributeConverter<Sku, String> {

	@Override
	public String convertToDatabaseColumn(Sku attribute) {
		return (attribute != null) ? attribute.code().replace(" ", "").toUpperCase(Locale.ROOT) : null;
	}

	@Override
	public Sku convertToEntityAttribute(String column) {
		return (column != null) ? new Sku(column) : null;
	}

}
