package dev.auditlog.core;

/**
 * Hides part of a sensitive value before it is stored or published. Applied to non-null
 * values of masked fields only.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Masker {

	/**
	 * Return the masked form of a value.
	 * @param value the value in clear, never {@code null}
	 * @return the masked value
	 */
	String mask(String value);

	/**
	 * Return the default rule, django-auditlog's: the first half of the characters
	 * (rounded down, counting code points, so an emoji is one character) replaced by
	 * {@code *}; {@code "secret12"} becomes {@code "****et12"}. At least one character is
	 * hidden, so a one-character value ({@code "7"}) is never stored in clear: it becomes
	 * {@code "*"}.
	 * @return the default masker
	 */
	static Masker firstHalf() {
		return (value) -> {
			int length = value.codePointCount(0, value.length());
			int hidden = (length > 0) ? Math.max(1, length / 2) : 0;
			int cut = value.offsetByCodePoints(0, hidden);
			return "*".repeat(hidden) + value.substring(cut);
		};
	}

}
