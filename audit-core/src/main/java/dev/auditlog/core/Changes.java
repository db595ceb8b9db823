package dev.auditlog.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The changes of one log entry: field name to {@link FieldChange}, ordered by field name
 * (alphabetically, as {@link String#compareTo(String)}; an embedded field by its dotted
 * path), however they were given or stored: PostgreSQL's {@code jsonb} keeps no key
 * order, so the order is the same on every database only when it is the reader's. Written
 * as JSON: {@code {"name": ["old", "new"], "tags": {"type": "m2m", ...}}}.
 * <p>
 * A change set also carries the {@link DisplayRules} of its model and the labels of the
 * to-one targets it refers to, so that {@link #display()} and {@link #text()} can show
 * labels; neither takes part in {@code equals}.
 *
 * @since 0.1.0
 */
public final class Changes {

	private static final JsonMapper JSON = AuditJson.mapper();

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private static final Changes EMPTY = new Changes(Map.of(), DisplayRules.DEFAULT, Map.of());

	private final Map<String, FieldChange> fields;

	private final DisplayRules displayRules;

	private final Map<String, ValueChange> referenceLabels;

	private Changes(Map<String, FieldChange> fields, DisplayRules displayRules,
			Map<String, ValueChange> referenceLabels) {
		this.fields = fields;
		this.displayRules = displayRules;
		this.referenceLabels = referenceLabels;
	}

	/**
	 * Return a change set without changes.
	 * @return the empty change set
	 */
	public static Changes empty() {
		return EMPTY;
	}

	/**
	 * Return a change set of the given changes, ordered by field name.
	 * @param fields field name to change
	 * @return the change set
	 */
	public static Changes of(Map<String, ? extends FieldChange> fields) {
		if (fields.isEmpty()) {
			return EMPTY;
		}
		return new Changes(Collections.unmodifiableMap(sorted(fields)), DisplayRules.DEFAULT, Map.of());
	}

	/**
	 * Return the fields ordered by name; a map already in that order (as the diff of an
	 * entity's fields, which Hibernate orders by name, usually is) is copied without
	 * sorting.
	 */
	private static Map<String, FieldChange> sorted(Map<String, ? extends FieldChange> fields) {
		@Nullable String previous = null;
		for (String field : fields.keySet()) {
			if (previous != null && previous.compareTo(field) >= 0) {
				return new LinkedHashMap<>(new TreeMap<>(fields));
			}
			previous = field;
		}
		return new LinkedHashMap<>(fields);
	}

	/**
	 * Parse the JSON form written by {@link #toJson()}.
	 * @param json the JSON object
	 * @return the change set
	 * @throws IllegalArgumentException if the JSON is not a change set
	 */
	public static Changes fromJson(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Changes are not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!root.isObject()) {
			throw new IllegalArgumentException("Changes must be a JSON object but was: " + json);
		}
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> member : root.properties()) {
			fields.put(member.getKey(), parseChange(member.getKey(), member.getValue()));
		}
		return of(fields);
	}

	private static FieldChange parseChange(String field, JsonNode node) {
		if (node.isArray() && node.size() == 2 && scalar(node.get(0)) && scalar(node.get(1))) {
			return new ValueChange(text(node.get(0)), text(node.get(1)));
		}
		if (node.isObject() && node.path("operation").isString() && node.path("objects").isArray()) {
			List<String> objects = new ArrayList<>();
			for (JsonNode object : node.get("objects")) {
				if (!scalar(object)) {
					throw notAChange(field, node);
				}
				objects.add(Objects.requireNonNullElse(text(object), "null"));
			}
			try {
				return new CollectionChange(CollectionChange.Operation.fromJsonName(node.get("operation").asString()),
						objects);
			}
			catch (IllegalArgumentException ex) {
				throw notAChange(field, node);
			}
		}
		throw notAChange(field, node);
	}

	private static IllegalArgumentException notAChange(String field, JsonNode node) {
		return new IllegalArgumentException(
				"Change of field '" + field + "' is neither [old, new] nor a collection change: " + node);
	}

	private static boolean scalar(JsonNode node) {
		return node.isValueNode();
	}

	private static @Nullable String text(JsonNode node) {
		return node.isNull() ? null : node.asString();
	}

	/**
	 * Return these changes with the display rules of their model.
	 * @param displayRules the rules used by {@link #display()}
	 * @return a change set with the same changes
	 */
	public Changes withDisplayRules(DisplayRules displayRules) {
		return new Changes(this.fields, displayRules, this.referenceLabels);
	}

	/**
	 * Return these changes with the labels of the to-one targets they refer to, shown by
	 * {@link #display()} and {@link #text()} instead of the targets' ids, which
	 * {@link #toJsonValue()} keeps.
	 * @param referenceLabels field name to the labels of its old and new target, each
	 * {@code null} when not known (its id is shown then)
	 * @return a change set with the same changes
	 */
	public Changes withReferenceLabels(Map<String, ValueChange> referenceLabels) {
		return new Changes(this.fields, this.displayRules, Map.copyOf(referenceLabels));
	}

	/**
	 * Return the display rules used by {@link #display()}.
	 * @return the display rules
	 */
	public DisplayRules displayRules() {
		return this.displayRules;
	}

	/**
	 * Return the changes as an unmodifiable map in their stable order.
	 * @return field name to change
	 */
	public Map<String, FieldChange> asMap() {
		return this.fields;
	}

	/**
	 * Return the change of one field.
	 * @param field the field name
	 * @return the change, or {@code null} if the field did not change
	 */
	public @Nullable FieldChange get(String field) {
		return this.fields.get(field);
	}

	/**
	 * Return the names of the changed fields.
	 * @return the field names in their stable order
	 */
	public Set<String> fields() {
		return this.fields.keySet();
	}

	/**
	 * Return whether nothing changed.
	 * @return {@code true} if there are no changes
	 */
	public boolean isEmpty() {
		return this.fields.isEmpty();
	}

	/**
	 * Return the number of changed fields.
	 * @return the number of changes
	 */
	public int size() {
		return this.fields.size();
	}

	/**
	 * Return the changes as plain JSON values: {@code [old, new]} lists and collection
	 * change objects. This is the form written to the {@code changes} column.
	 * @return field name to JSON value
	 */
	@JsonValue
	public Map<String, Object> toJsonValue() {
		Map<String, Object> json = new LinkedHashMap<>();
		this.fields.forEach((field, change) -> json.put(field, jsonValue(change, (value) -> value)));
		return json;
	}

	/**
	 * Return the changes in their JSON form.
	 * @return a JSON object
	 */
	public String toJson() {
		return appendJson(new StringBuilder(32 + 48 * this.fields.size())).toString();
	}

	/**
	 * Append the changes in their JSON form, the text of {@link #toJson()}, to the given
	 * builder: a writer can put it straight into the text it sends.
	 * @param json the builder to append to
	 * @return the same builder
	 */
	public StringBuilder appendJson(StringBuilder json) {
		// written straight from the changes, with the escapes of Jackson's default
		// generator (ChangesTests compares the two): the same text as writing
		// toJsonValue(), without a generator, its maps and lists
		json.append('{');
		boolean first = true;
		for (Map.Entry<String, FieldChange> field : this.fields.entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			writeText(json, field.getKey());
			json.append(':');
			if (field.getValue() instanceof ValueChange value) {
				json.append('[');
				writeText(json, value.oldValue());
				json.append(',');
				writeText(json, value.newValue());
				json.append(']');
			}
			else {
				CollectionChange collection = (CollectionChange) field.getValue();
				json.append("{\"type\":");
				writeText(json, CollectionChange.TYPE);
				json.append(",\"operation\":");
				writeText(json, collection.operation().jsonName());
				json.append(",\"objects\":[");
				boolean firstObject = true;
				for (String object : collection.objects()) {
					if (!firstObject) {
						json.append(',');
					}
					firstObject = false;
					writeText(json, object);
				}
				json.append("]}");
			}
		}
		return json.append('}');
	}

	/**
	 * Append a JSON string, or {@code null}, escaped as Jackson's default generator
	 * escapes: the quote and the backslash, and the control characters below U+0020 (as
	 * the short escapes of JSON where there are, else as six-character escapes with upper
	 * case hex digits); everything else as it is.
	 */
	private static void writeText(StringBuilder json, @Nullable String text) {
		if (text == null) {
			json.append("null");
			return;
		}
		json.append('"');
		int length = text.length();
		int clean = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c != '"' && c != '\\') {
				continue;
			}
			json.append(text, clean, i);
			clean = i + 1;
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\b' -> json.append("\\b");
				case '\t' -> json.append("\\t");
				case '\n' -> json.append("\\n");
				case '\f' -> json.append("\\f");
				case '\r' -> json.append("\\r");
				default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		json.append(text, clean, length).append('"');
	}

	/**
	 * Return the changes as people read them: each field by its label, values by their
	 * label (enum constants), long values cut. Masked values stay masked.
	 * @return label to {@code [old, new]} or collection change object
	 */
	public Map<String, Object> display() {
		Map<String, Object> display = new LinkedHashMap<>();
		this.fields.forEach((field, change) -> {
			ValueChange labels = this.referenceLabels.get(field);
			display.put(this.displayRules.label(field),
					(labels != null && change instanceof ValueChange value)
							? java.util.Arrays.asList(labelled(labels.oldValue(), value.oldValue(), field),
									labelled(labels.newValue(), value.newValue(), field))
							: jsonValue(change, (shown) -> this.displayRules.value(field, shown)));
		});
		return display;
	}

	/**
	 * Return the changes as one line: {@code name: old → new; tags: add a, b}.
	 * @return the changes as text
	 */
	public String text() {
		return text(": ", " → ", "; ");
	}

	/**
	 * Return the changes as one line with the given separators.
	 * @param colon between a field name and its values
	 * @param arrow between the old and the new value
	 * @param separator between two fields
	 * @return the changes as text
	 */
	public String text(String colon, String arrow, String separator) {
		StringJoiner line = new StringJoiner(separator);
		this.fields.forEach((field, change) -> {
			if (change instanceof ValueChange value) {
				ValueChange labels = this.referenceLabels.get(field);
				String oldValue = (labels != null && labels.oldValue() != null && value.oldValue() != null)
						? labels.oldValue() : value.oldValue();
				String newValue = (labels != null && labels.newValue() != null && value.newValue() != null)
						? labels.newValue() : value.newValue();
				line.add(field + colon + oldValue + arrow + newValue);
			}
			else if (change instanceof CollectionChange collection) {
				line.add(field + colon + collection.operation().jsonName() + " "
						+ String.join(", ", collection.objects()));
			}
		});
		return line.toString();
	}

	private @Nullable String labelled(@Nullable String label, @Nullable String value, String field) {
		return (label != null && value != null) ? DisplayRules.cut(label, this.displayRules.maxLength())
				: this.displayRules.value(field, value);
	}

	private static Object jsonValue(FieldChange change, ValueShown shown) {
		if (change instanceof ValueChange value) {
			return java.util.Arrays.asList(shown.apply(value.oldValue()), shown.apply(value.newValue()));
		}
		CollectionChange collection = (CollectionChange) change;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", CollectionChange.TYPE);
		json.put("operation", collection.operation().jsonName());
		json.put("objects", collection.objects().stream().map(shown::apply).toList());
		return json;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof Changes changes && this.fields.equals(changes.fields));
	}

	@Override
	public int hashCode() {
		return this.fields.hashCode();
	}

	@Override
	public String toString() {
		return toJson();
	}

	@FunctionalInterface
	private interface ValueShown {

		@Nullable String apply(@Nullable String value);

	}

}
