package dev.auditlog.spring.hibernate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.core.Changes;
import dev.auditlog.core.StoredText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings the JSON values of an entry — changes, serialized and additional data — into a
 * form every database stores: strings {@linkplain StoredText#fit(String, int) cleaned and
 * fitted} to {@code auditlog.max-value-length}, and additional data that is not plain
 * JSON turned into plain JSON once, here, so that writing it cannot fail later. A value
 * that cannot be turned into JSON is kept as its {@code toString()} and logged at WARN:
 * an application's additional data never fails its own write.
 */
final class StorableValues {

	private static final Logger logger = LoggerFactory.getLogger(StorableValues.class);

	private final JsonMapper json;

	private final int maxValueLength;

	StorableValues(JsonMapper json, int maxValueLength) {
		this.json = json;
		this.maxValueLength = maxValueLength;
	}

	Changes changes(Changes changes) {
		return StoredText.fit(changes, this.maxValueLength);
	}

	@SuppressWarnings("unchecked")
	@Nullable Map<String, @Nullable Object> data(@Nullable Map<String, @Nullable Object> data) {
		if (data == null) {
			return null;
		}
		Map<String, @Nullable Object> plain = null;
		for (Map.Entry<String, @Nullable Object> member : data.entrySet()) {
			Object value = member.getValue();
			if (!isPlain(value)) {
				if (plain == null) {
					plain = new LinkedHashMap<>(data);
				}
				plain.put(member.getKey(), plainOf(member.getKey(), value));
			}
		}
		return (Map<String, @Nullable Object>) StoredText.fitJson((plain != null) ? plain : data, this.maxValueLength);
	}

	private static boolean isPlain(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
			return true;
		}
		if (value instanceof List<?> list) {
			return list.stream().allMatch(StorableValues::isPlain);
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.allMatch((member) -> member.getKey() instanceof String && isPlain(member.getValue()));
		}
		return false;
	}

	private @Nullable Object plainOf(String key, Object value) {
		try {
			return this.json.convertValue(value, Object.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			logger.warn("Additional data '{}' of type {} is not JSON; it is logged as its toString()", key,
					value.getClass().getName(), ex);
			try {
				return String.valueOf(value);
			}
			catch (RuntimeException toStringFailed) {
				return value.getClass().getName();
			}
		}
	}

}
