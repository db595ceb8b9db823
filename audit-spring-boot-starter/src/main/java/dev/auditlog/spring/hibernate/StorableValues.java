package dev.auditlog.spring.hibernate;

import java.util.List;
import java.util.Map;

import dev.auditlog.core.AuditJson;
import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.StoredJson;
import dev.auditlog.core.StoredText;
import dev.auditlog.core.ValueChange;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings the JSON values of an entry — changes, serialized and additional data — into a
 * form every database stores: strings {@linkplain StoredText#fit(String, int) cleaned and
 * fitted} to {@code auditlog.max-value-length}, and data that is not plain JSON turned
 * into {@linkplain StoredJson plain JSON} once, here, so that writing it cannot fail
 * later. An entry whose values add up to more than {@value #ENTRY_BUDGET} characters has
 * every value cut to an equal share of that budget (at least 64 characters), so that one
 * entry — a collection of hundreds of long texts — still fits a statement (MariaDB's
 * {@code max_allowed_packet} is 16 MiB by default; a character takes up to 3 bytes).
 */
final class StorableValues {

	/** The most characters of values one entry holds. */
	static final int ENTRY_BUDGET = 1_000_000;

	private static final Logger logger = LoggerFactory.getLogger(StorableValues.class);

	private final JsonMapper json;

	private final int maxValueLength;

	/**
	 * Create the values.
	 * @param modules the application's Jackson modules, with which its objects in the
	 * data are turned into JSON; the rest of its Jackson configuration
	 * ({@code spring.jackson.*}) is not used
	 * @param maxValueLength the most code units of one string
	 */
	StorableValues(Iterable<? extends JacksonModule> modules, int maxValueLength) {
		// the writing stops at a nesting depth far below what a thread's stack holds: an
		// object graph with a cycle then fails with an exception instead of overflowing
		// the stack (which, while Jackson builds its error, can leave one of its classes
		// unusable for the rest of the JVM's life)
		this.json = AuditJson.converter(modules, 2 * StoredJson.MAX_DEPTH);
		this.maxValueLength = maxValueLength;
	}

	/**
	 * Return the three JSON values of one entry in their stored form.
	 */
	Values of(Changes changes, @Nullable Map<String, @Nullable Object> additionalData,
			@Nullable Map<String, @Nullable Object> serializedData) {
		Values values = new Values(StoredText.fit(changes, this.maxValueLength),
				data(additionalData, this.maxValueLength), data(serializedData, this.maxValueLength));
		Size size = new Size();
		size.add(values.changes());
		size.addJson(values.additionalData());
		size.addJson(values.serializedData());
		if (size.characters <= ENTRY_BUDGET) {
			return values;
		}
		int share = (int) Math.max(64, ENTRY_BUDGET / Math.max(1, size.strings));
		logger.debug("An entry of {} characters in {} values is cut to {} characters a value", size.characters,
				size.strings, share);
		return new Values(StoredText.fit(values.changes(), share), fitted(values.additionalData(), share),
				fitted(values.serializedData(), share));
	}

	@SuppressWarnings("unchecked")
	private @Nullable Map<String, @Nullable Object> data(@Nullable Map<String, @Nullable Object> data, int maxLength) {
		if (data == null) {
			return null;
		}
		return (Map<String, @Nullable Object>) StoredJson.of(data, maxLength, this::toJson);
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, @Nullable Object> fitted(@Nullable Map<String, @Nullable Object> data,
			int maxLength) {
		return (data != null) ? (Map<String, @Nullable Object>) StoredText.fitJson(data, maxLength) : null;
	}

	private @Nullable Object toJson(Object value) {
		try {
			// written out rather than converted: only a generator enforces the depth
			// limit
			return this.json.readValue(this.json.writeValueAsString(value), Object.class);
		}
		catch (RuntimeException | StackOverflowError | LinkageError ex) {
			logger.warn("Additional data of type {} is not JSON; it is logged as its toString()",
					value.getClass().getName(), ex);
			throw ex;
		}
	}

	/**
	 * The JSON values of one entry.
	 */
	record Values(Changes changes, @Nullable Map<String, @Nullable Object> additionalData,
			@Nullable Map<String, @Nullable Object> serializedData) {

	}

	/**
	 * Counts the characters and the strings of an entry's values.
	 */
	private static final class Size {

		private long characters;

		private long strings;

		void add(Changes changes) {
			for (Map.Entry<String, FieldChange> field : changes.asMap().entrySet()) {
				if (field.getValue() instanceof ValueChange value) {
					add(value.oldValue());
					add(value.newValue());
				}
				else if (field.getValue() instanceof CollectionChange collection) {
					collection.objects().forEach(this::add);
				}
			}
		}

		void addJson(@Nullable Object value) {
			if (value instanceof String text) {
				add(text);
			}
			else if (value instanceof Map<?, ?> map) {
				map.forEach((key, member) -> {
					this.characters += String.valueOf(key).length();
					addJson(member);
				});
			}
			else if (value instanceof List<?> list) {
				list.forEach(this::addJson);
			}
		}

		private void add(@Nullable String text) {
			if (text != null) {
				this.characters += text.length();
				this.strings++;
			}
		}

	}

}
