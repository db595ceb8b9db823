package dev.auditlog.spring.shapes;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores text upper-cased and reads it back as stored.
 */
@Converter
public class UpperCaseConverter implements AttributeConverter<String, String> {

	@Override
	public String convertToDatabaseColumn(String attribute) {
		return (attribute != null) ? attribute.toUpperCase(Locale.ROOT) : null;
	}

	@Override
	public String convertToEntityAttribute(String column) {
		return column;
	}

}
