package dev.auditlog.diff;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.auditlog.core.FkRepresentation;
import org.jspecify.annotations.Nullable;

/**
 * Turns field values into the stable strings stored in a log entry, and decides whether
 * two values are the same.
 * <ul>
 * <li>numbers in plain notation ({@code 12.50}, never an exponent), compared numerically
 * ({@code 1.0} and {@code 1.00} are the same);</li>
 * <li>booleans {@code true}/{@code false}, enums by {@code name()}, UUIDs canonical;</li>
 * <li>temporal values ISO-8601; instants and offset or zoned date-times normalised to
 * UTC, so the same instant at another offset is the same value;</li>
 * <li>byte arrays as their length and a short digest of their content,
 * {@code (binary: 12 bytes, sha256 5d41402abc4b2a76)} (the first 8 bytes of the SHA-256
 * of the content in hex; an empty array is {@code (binary: 0 bytes)}), compared by
 * content, so that other bytes of the same length show as a change;</li>
 * <li>other arrays as a list of their elements, {@code [a, b]}, compared element by
 * element;</li>
 * <li>a {@code java.sql.Blob} or {@code Clob} locator as {@code (blob)} or
 * {@code (clob)}: its content is not read;</li>
 * <li>a to-one association by the target's id, or its {@code toString()} when the model
 * asks for {@link FkRepresentation#STRING};</li>
 * <li>a composite key as a JSON object of its parts, sorted by name:
 * {@code {"line":"2","orderId":"7"}}.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public class ValueFormatter {

	private static final int DIGEST_BYTES = 8;

	/**
	 * Return the stable string of a value.
	 * @param value the value
	 * @param fkRepresentation how to write an {@link EntityRef}
	 * @return the string, or {@code null} for {@code null}
	 */
	public @Nullable String format(@Nullable Object value, FkRepresentation fkRepresentation) {
		if (value == null) {
			return null;
		}
		if (value instanceof String string) {
			return string;
		}
		if (value instanceof EntityRef ref) {
			return (fkRepresentation == FkRepresentation.STRING && ref.repr() != null) ? ref.repr()
					: formatKey(ref.id());
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			return formatFloating(((Number) value).doubleValue(), value.toString());
		}
		if (value instanceof byte[] bytes) {
			return formatBinary(bytes);
		}
		if (value instanceof char[] chars) {
			return new String(chars);
		}
		if (value.getClass().isArray()) {
			return formatArray(value, fkRepresentation);
		}
		if (value instanceof java.sql.Blob) {
			// a locator: its content is not read
			return "(blob)";
		}
		if (value instanceof java.sql.Clob) {
			return "(clob)";
		}
		Instant instant = instantOf(value);
		if (instant != null) {
			return instant.toString();
		}
		if (value instanceof OffsetTime time) {
			return time.withOffsetSameInstant(ZoneOffset.UTC).toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof java.sql.Time time) {
			return time.toLocalTime().toString();
		}
		if (value instanceof Map<?, ?> map) {
			return formatMap(map, fkRepresentation);
		}
		if (value instanceof Collection<?> collection) {
			return formatCollection(collection, fkRepresentation);
		}
		try {
			return value.toString();
		}
		catch (RuntimeException | StackOverflowError ex) {
			// a value's own toString() must not fail the write that logs it
			return "(" + value.getClass().getName() + ": toString() failed)";
		}
	}

	/**
	 * Return the stable string of a primary key. A composite key given as a map of its
	 * parts is written as a JSON object sorted by name.
	 * @param id the key
	 * @return the string
	 */
	public String formatKey(Object id) {
		if (id instanceof Map<?, ?> parts) {
			return formatMap(parts, FkRepresentation.ID);
		}
		return Objects.requireNonNull(format(id, FkRepresentation.ID));
	}

	/**
	 * Return the key as a number when it is integral and fits a {@code long}, for the
	 * {@code object_id} column.
	 * @param id the key
	 * @return the number, or {@code null}
	 */
	public @Nullable Long integralKey(Object id) {
		if (id instanceof Long || id instanceof Integer || id instanceof Short || id instanceof Byte) {
			return ((Number) id).longValue();
		}
		if (id instanceof BigInteger big && big.bitLength() < Long.SIZE) {
			return big.longValue();
		}
		return null;
	}

	/**
	 * Return whether two values are the same for the audit log: numbers compared
	 * numerically, instants regardless of offset, arrays (byte arrays included) by
	 * content, references by id. Values are compared as given: bringing them to the form
	 * their column stores (precision, scale, padding) is the caller's part.
	 * @param first a value
	 * @param second another value
	 * @return {@code true} if no change happened between them
	 */
	public boolean same(@Nullable Object first, @Nullable Object second) {
		if (first == second) {
			return true;
		}
		if (first == null || second == null) {
			return false;
		}
		if (first instanceof BigDecimal a && second instanceof BigDecimal b) {
			return a.compareTo(b) == 0;
		}
		if (first.getClass().isArray() && second.getClass().isArray()) {
			// by content, primitive arrays included
			return Arrays.deepEquals(new Object[] { first }, new Object[] { second });
		}
		Instant a = instantOf(first);
		if (a != null) {
			return a.equals(instantOf(second));
		}
		if (first instanceof OffsetTime x && second instanceof OffsetTime y) {
			return x.isEqual(y);
		}
		return first.equals(second);
	}

	private static @Nullable Instant instantOf(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof ZonedDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof Calendar calendar) {
			return calendar.toInstant();
		}
		if (value instanceof Date date && !(value instanceof java.sql.Date) && !(value instanceof java.sql.Time)) {
			return date.toInstant();
		}
		return null;
	}

	/**
	 * Return the length note of a byte array without its digest, for masked fields: a
	 * digest of a short secret could be reversed by trying every value.
	 */
	static String formatBinaryLength(byte[] bytes) {
		return "(binary: " + bytes.length + " bytes)";
	}

	private static String formatBinary(byte[] bytes) {
		if (bytes.length == 0) {
			return formatBinaryLength(bytes);
		}
		byte[] digest;
		try {
			digest = MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform has SHA-256
			throw new IllegalStateException(ex);
		}
		return "(binary: " + bytes.length + " bytes, sha256 " + HexFormat.of().formatHex(digest, 0, DIGEST_BYTES) + ")";
	}

	private String formatArray(Object array, FkRepresentation fkRepresentation) {
		StringJoiner text = new StringJoiner(", ", "[", "]");
		for (int i = 0; i < Array.getLength(array); i++) {
			text.add(String.valueOf(format(Array.get(array, i), fkRepresentation)));
		}
		return text.toString();
	}

	private static String formatFloating(double value, String text) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return text;
		}
		BigDecimal decimal = new BigDecimal(text);
		// Double.toString writes an exponent with a one-digit mantissa ("1.0E-5"), whose
		// ".0" would show as a digit that was never there ("0.000010").
		return ((text.indexOf('E') >= 0) ? decimal.stripTrailingZeros() : decimal).toPlainString();
	}

	private String formatMap(Map<?, ?> map, FkRepresentation fkRepresentation) {
		Map<String, @Nullable String> sorted = new TreeMap<>();
		map.forEach((key, value) -> sorted.put(String.valueOf(key), format(value, fkRepresentation)));
		StringJoiner json = new StringJoiner(",", "{", "}");
		sorted.forEach((key, value) -> json.add(quote(key) + ":" + ((value != null) ? quote(value) : "null")));
		return json.toString();
	}

	private String formatCollection(Collection<?> collection, FkRepresentation fkRepresentation) {
		List<@Nullable String> elements = collection.stream()
			.map((element) -> format(element, fkRepresentation))
			.collect(Collectors.toList());
		if (collection instanceof Set<?>) {
			elements.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
		}
		StringJoiner text = new StringJoiner(", ", "[", "]");
		for (Iterator<@Nullable String> it = elements.iterator(); it.hasNext();) {
			text.add(String.valueOf(it.next()));
		}
		return text.toString();
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
