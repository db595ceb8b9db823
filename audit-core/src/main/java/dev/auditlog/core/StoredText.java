package dev.auditlog.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Brings text the audit log writes into a form every supported database stores as it is,
 * so that a value the audit log built never makes the application's write fail.
 * <ul>
 * <li>{@link #clean(String) Clean}: the characters no column of PostgreSQL can hold — the
 * NUL character U+0000 (refused in {@code text}, {@code varchar} and {@code jsonb}) and
 * unpaired surrogates (not Unicode scalar values, so not encodable in UTF-8) — are
 * replaced by U+FFFD REPLACEMENT CHARACTER, as the Unicode Standard (§3.9, "U+FFFD
 * substitution") prescribes for ill-formed text. Every other character is kept.</li>
 * <li>{@link #fit(String, int) Fit}: a text longer than its limit keeps its beginning and
 * ends with a marker naming its full length and the first 16 hex digits of the SHA-256 of
 * its cleaned form: {@code "abc…[cut: 10485760 chars, sha256 3a7bd3e2360a3d29]"}. Two
 * different long values therefore never look the same, and fitting is deterministic and
 * idempotent, so a key that was cut can be looked up by fitting the full key again.</li>
 * </ul>
 * Lengths are counted in UTF-16 code units ({@link String#length()}), the strictest of
 * the three databases' counts (PostgreSQL and MariaDB count characters, H2 code units),
 * so a fitted text fits a {@code VARCHAR(n)} column everywhere.
 *
 * @since 0.1.0
 */
public final class StoredText {

	/** The length of the {@code VARCHAR} columns of the audit tables. */
	public static final int COLUMN_LENGTH = 255;

	/** The character that replaces what cannot be stored. */
	public static final char REPLACEMENT = '\uFFFD';

	private static final String CUT = "…[cut: ";

	private StoredText() {
	}

	/**
	 * Return the text with U+0000 and unpaired surrogates replaced by U+FFFD.
	 * @param text the text
	 * @return the cleaned text; the same instance when nothing had to change
	 */
	public static String clean(String text) {
		int first = firstUnstorable(text);
		if (first < 0) {
			return text;
		}
		StringBuilder cleaned = new StringBuilder(text.length());
		cleaned.append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				cleaned.append(REPLACEMENT);
			}
			else if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					cleaned.append(c).append(text.charAt(++i));
				}
				else {
					cleaned.append(REPLACEMENT);
				}
			}
			else if (Character.isLowSurrogate(c)) {
				cleaned.append(REPLACEMENT);
			}
			else {
				cleaned.append(c);
			}
		}
		return cleaned.toString();
	}

	private static int firstUnstorable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return i;
			}
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return i;
				}
			}
		}
		return -1;
	}

	/**
	 * Return the text {@link #clean(String) cleaned} and, when longer than
	 * {@code maxLength} code units, cut with a marker of its length and digest.
	 * @param text the text
	 * @param maxLength the most code units the result may have; at least 64, so that the
	 * marker fits
	 * @return the fitted text, at most {@code maxLength} code units long
	 * @throws IllegalArgumentException if {@code maxLength} is less than 64
	 */
	public static String fit(String text, int maxLength) {
		if (maxLength < 64) {
			throw new IllegalArgumentException("maxLength must be at least 64 but was " + maxLength);
		}
		String cleaned = clean(text);
		if (cleaned.length() <= maxLength) {
			return cleaned;
		}
		String marker = CUT + cleaned.codePointCount(0, cleaned.length()) + " chars, sha256 " + digest(cleaned) + "]";
		int keep = maxLength - marker.length();
		if (Character.isHighSurrogate(cleaned.charAt(keep - 1))) {
			keep--;
		}
		return cleaned.substring(0, keep) + marker;
	}

	/**
	 * Return {@link #fit(String, int)} of a text that may be absent.
	 * @param text the text, or {@code null}
	 * @param maxLength the most code units the result may have (at least 64)
	 * @return the fitted text, or {@code null} for {@code null}
	 */
	public static @Nullable String fitNullable(@Nullable String text, int maxLength) {
		return (text != null) ? fit(text, maxLength) : null;
	}

	/**
	 * Return whether a text was cut by {@link #fit(String, int)}.
	 * @param text a fitted text
	 * @return {@code true} if it ends with the marker of a cut
	 */
	public static boolean isCut(String text) {
		int marker = text.lastIndexOf(CUT);
		return marker >= 0 && text.endsWith("]") && text.indexOf(" chars, sha256 ", marker) > 0;
	}

	/**
	 * Return a JSON-like value (maps with string keys, lists, strings, numbers, booleans,
	 * {@code null}) with every string — keys included — {@link #clean(String) cleaned}
	 * and every string value {@link #fit(String, int) fitted} to {@code maxValueLength}.
	 * Other objects are returned as they are.
	 * @param value the value
	 * @param maxValueLength the most code units of one string value (at least 64)
	 * @return the value in storable form; the same instance when nothing had to change
	 */
	public static @Nullable Object fitJson(@Nullable Object value, int maxValueLength) {
		if (value instanceof String text) {
			return fit(text, maxValueLength);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> fitted = new LinkedHashMap<>();
			boolean changed = false;
			for (Map.Entry<?, ?> member : map.entrySet()) {
				String key = String.valueOf(member.getKey());
				String storableKey = clean(key);
				Object fittedValue = fitJson(member.getValue(), maxValueLength);
				changed |= storableKey != member.getKey() || fittedValue != member.getValue();
				fitted.put(storableKey, fittedValue);
			}
			return changed ? fitted : value;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> fitted = new ArrayList<>(list.size());
			boolean changed = false;
			for (Object element : list) {
				Object fittedElement = fitJson(element, maxValueLength);
				changed |= fittedElement != element;
				fitted.add(fittedElement);
			}
			return changed ? fitted : value;
		}
		return value;
	}

	/**
	 * Return changes whose values are {@link #fit(String, int) fitted} to
	 * {@code maxValueLength}: each old and new value, and each listed object of a
	 * collection change. The display rules are kept.
	 * @param changes the changes
	 * @param maxValueLength the most code units of one value (at least 64)
	 * @return the changes in storable form; the same instance when nothing had to change
	 */
	public static Changes fit(Changes changes, int maxValueLength) {
		Map<String, FieldChange> fitted = null;
		for (Map.Entry<String, FieldChange> field : changes.asMap().entrySet()) {
			FieldChange change = field.getValue();
			FieldChange fittedChange = fit(change, maxValueLength);
			String name = clean(field.getKey());
			if (fitted == null && (fittedChange != change || !name.equals(field.getKey()))) {
				fitted = new LinkedHashMap<>();
				for (Map.Entry<String, FieldChange> earlier : changes.asMap().entrySet()) {
					if (earlier.getKey().equals(field.getKey())) {
						break;
					}
					fitted.put(earlier.getKey(), earlier.getValue());
				}
			}
			if (fitted != null) {
				fitted.put(name, fittedChange);
			}
		}
		return (fitted != null) ? Changes.of(fitted).withDisplayRules(changes.displayRules()) : changes;
	}

	private static FieldChange fit(FieldChange change, int maxValueLength) {
		if (change instanceof ValueChange value) {
			String oldValue = fitNullable(value.oldValue(), maxValueLength);
			String newValue = fitNullable(value.newValue(), maxValueLength);
			return (oldValue == value.oldValue() && newValue == value.newValue()) ? change
					: new ValueChange(oldValue, newValue);
		}
		if (change instanceof CollectionChange collection) {
			List<String> objects = new ArrayList<>(collection.objects().size());
			boolean changed = false;
			for (String object : collection.objects()) {
				String fitted = fit(object, maxValueLength);
				changed |= fitted != object;
				objects.add(fitted);
			}
			return changed ? new CollectionChange(collection.operation(), objects) : change;
		}
		return change;
	}

	static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
