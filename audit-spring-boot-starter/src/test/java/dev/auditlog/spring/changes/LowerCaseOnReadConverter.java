package dev.auditlog.spring.changes;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A lossy conversion: stored in upper case, read back in lower case.
 */
@Converter
public class LowerCaseOnReadConverter implements AttributeConverter<String, String> {

	@Override
	public String convertToDatabaseColumn(String attribute) {
		return (attribute != null) ? attribute.toUpperCase(Locale.ROOT) : null;
	}

	@Override
	public String convertToEntityAttribute(String dbData) {
		return (dbData != null) ? dbData.toLowerCase(Locale.ROOT) : null;
	}

}
