package dev.auditlog.spring.scenario;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class UpperCaseConverter implements AttributeConverter<String, String> {

	@Override
	public String convertToDatabaseColumn(String attribute) {
		return (attribute != null) ? attribute.toUpperCase(Locale.ROOT) : null;
	}

	@Override
	public String convertToEntityAttribute(String dbData) {
		return (dbData != null) ? dbData.toLowerCase(Locale.ROOT) : null;
	}

}
