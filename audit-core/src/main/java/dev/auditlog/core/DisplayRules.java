package dev.auditlog.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How {@link Changes#display()} presents a model's changes to people: field labels,
 * labels of stored values (enum constants) and the length at which long values are cut.
 *
 * @param labels field name to label; a field without one is shown humanized
 * ({@code unitPrice} as {@code Unit price})
 * @param valueLabels field name to a map of stored value to shown label
 * @param maxLength the number of characters after which a value is cut with {@code …};
 * {@code 0} shows every value empty, a negative number never cuts
 * @since 0.1.0
 */
public record DisplayRules(Map<String, String> labels, Map<String, Map<String, String>> valueLabels, int maxLength) {

	/** The default number of characters after which a shown value is cut. */
	public static final int DEFAULT_MAX_LENGTH = 140;

	/** No labels, values cut after {@value #DEFAULT_MAX_LENGTH} characters. */
	public static final DisplayRules DEFAULT = new DisplayRules(Map.of(), Map.of(), DEFAULT_MAX_LENGTH);

	public DisplayRules {
		labels = Map.copyOf(labels);
		valueLabels = Map.copyOf(valueLabels);
	}

	/**
	 * Return these rules with another cut length.
	 * @param maxLength the number of characters after which a value is cut
	 * @return the new rules
	 */
	public DisplayRules withMaxLength(int maxLength) {
		return new DisplayRules(this.labels, this.valueLabels, maxLength);
	}

	/**
	 * Return the label of a field: the configured one, else the name humanized.
	 * @param field the field name
	 * @return the label
	 */
	public String label(String field) {
		String label = this.labels.get(field);
		return (label != null) ? label : humanize(field);
	}

	/**
	 * Return a stored value as shown: its label if it has one, cut to the maximum length.
	 * @param field the field name
	 * @param value the stored value
	 * @return the shown value, or {@code null} for {@code null}
	 */
	public @Nullable String value(String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		Map<String, String> labelsOfField = this.valueLabels.get(field);
		String shown = (labelsOfField != null) ? labelsOfField.getOrDefault(value, value) : value;
		return cut(shown, this.maxLength);
	}

	static String cut(String value, int maxLength) {
		if (maxLength < 0) {
			return value;
		}
		if (maxLength == 0) {
			return "";
		}
		if (value.codePointCount(0, value.length()) <= maxLength) {
			return value;
		}
		return value.substring(0, value.offsetByCodePoints(0, maxLength)) + "…";
	}

	/**
	 * Turn a field name into words: {@code unitPrice}, {@code unit_price} and
	 * {@code unit-price} all become {@code Unit price}; {@code address.city} becomes
	 * {@code Address city}.
	 * @param field the field name
	 * @return the humanized name
	 */
	public static String humanize(String field) {
		StringBuilder words = new StringBuilder(field.length() + 4);
		char previous = ' ';
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == '_' || c == '.' || c == '-' || c == ' ') {
				appendSpace(words);
			}
			else if (Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
				appendSpace(words);
				words.append(Character.toLowerCase(c));
			}
			else {
				words.append((words.length() == 0) ? c : Character.toLowerCase(c));
			}
			previous = c;
		}
		String text = words.toString().trim();
		if (text.isEmpty()) {
			return field;
		}
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static void appendSpace(StringBuilder words) {
		if (words.length() > 0 && words.charAt(words.length() - 1) != ' ') {
			words.append(' ');
		}
	}

}
