package dev.auditlog.spring.fitting;

import java.nio.ByteBuffer;
import java.util.Base64;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores any Java string, NUL characters and unpaired surrogates included, as Base64 of
 * its UTF-16 code units, the way encrypting converters store text the database could not
 * hold as it is.
 */
@Converter
public class Base64TextConverter implements AttributeConverter<String, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable String attribute) {
		if (attribute == null) {
			return null;
		}
		ByteBuffer bytes = ByteBuffer.allocate(attribute.length() * 2);
		bytes.asCharBuffer().put(attribute);
		return Base64.getEncoder().encodeToString(bytes.array());
	}

	@Override
	public @Nullable String convertToEntityAttribute(@Nullable String column) {
		if (column == null) {
			return null;
		}
		byte[] bytes = Base64.getDecoder().decode(column);
		char[] chars = new char[bytes.length / 2];
		ByteBuffer.wrap(bytes).asCharBuffer().get(chars);
		return new String(chars);
	}

}
