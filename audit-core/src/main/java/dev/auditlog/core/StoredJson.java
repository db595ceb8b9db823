package dev.auditlog.core;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Turns data an application hands to the audit log — additional data of entries, data of
 * events — into plain JSON that every supported database accepts, whatever the value:
 * <ul>
 * <li>maps become objects with string keys, iterables and arrays become arrays, strings
 * are {@linkplain StoredText#fit(String, int) cleaned and fitted}, booleans and ordinary
 * numbers stay;</li>
 * <li>a number a JSON column refuses becomes its text: not finite ({@code NaN}), or a
 * decimal beyond {@value #MAX_DIGITS} digits or exponents PostgreSQL's {@code jsonb} can
 * hold ({@code 1E+200000});</li>
 * <li>nesting is cut at {@value #MAX_DEPTH} levels (MariaDB refuses JSON deeper than 32):
 * what lies deeper is the text {@value #TOO_DEEP};</li>
 * <li>a container that contains itself is the text {@value #CYCLE} where it repeats; a
 * container keeps its first {@value #MAX_ELEMENTS} members, followed by the text
 * {@code "(… N more)"}; a byte array is the text {@code "(binary: N bytes)"};</li>
 * <li>at most {@value #MAX_VALUES} values are converted in all (a graph that shares its
 * containers could otherwise unfold to an exponential size); later ones are the text
 * {@value #TOO_LARGE};</li>
 * <li>any other object is turned into JSON by the given converter (the application's
 * {@code JsonMapper}); when that fails, it is its {@code toString()}, and when that fails
 * too, its class name.</li>
 * </ul>
 * Nothing here throws for any value, so such data never fails the write that carries it.
 *
 * @since 0.1.0
 */
public final class StoredJson {

	/** The deepest nesting of containers kept, the outermost object included. */
	public static final int MAX_DEPTH = 30;

	/**
	 * The most significant digits, and the largest exponent, of a number kept as such.
	 */
	public static final int MAX_DIGITS = 1000;

	/** The most members of one object or array kept. */
	public static final int MAX_ELEMENTS = 10_000;

	/** The most values converted in all; what comes after is {@value #TOO_LARGE}. */
	public static final int MAX_VALUES = 100_000;

	/** What stands for values beyond {@link #MAX_VALUES}. */
	public static final String TOO_LARGE = "(too large)";

	/** What stands for containers nested deeper than {@link #MAX_DEPTH}. */
	public static final String TOO_DEEP = "(nested too deep)";

	/** What stands for a container where it contains itself. */
	public static final String CYCLE = "(cycle)";

	private StoredJson() {
	}

	/**
	 * Return the value as plain JSON that every supported database stores.
	 * @param value the value, of any type
	 * @param maxValueLength the most code units of one string (at least 64)
	 * @param converter turns an object that is not plain JSON into maps, lists, strings,
	 * numbers and booleans; it may throw
	 * @return the plain value: {@code null}, a {@link String}, {@link Boolean},
	 * {@link Number}, {@code Map<String, Object>} or {@code List<Object>}
	 */
	public static @Nullable Object of(@Nullable Object value, int maxValueLength,
			Function<Object, @Nullable Object> converter) {
		return new Conversion(maxValueLength, converter).plain(value, 0);
	}

	private static final class Conversion {

		private final int maxValueLength;

		private final Function<Object, @Nullable Object> converter;

		private final Map<Object, Boolean> enclosing = new IdentityHashMap<>();

		private int converted;

		Conversion(int maxValueLength, Function<Object, @Nullable Object> converter) {
			this.maxValueLength = maxValueLength;
			this.converter = converter;
		}

		@Nullable Object plain(@Nullable Object value, int depth) {
			if (++this.converted > MAX_VALUES) {
				return TOO_LARGE;
			}
			if (value == null || value instanceof Boolean) {
				return value;
			}
			if (value instanceof String text) {
				return StoredText.fit(text, this.maxValueLength);
			}
			if (value instanceof Number number) {
				return number(number);
			}
			if (value instanceof Character || value instanceof Enum<?>) {
				return text(value.toString());
			}
			if (value instanceof byte[] bytes) {
				return "(binary: " + bytes.length + " bytes)";
			}
			boolean container = value instanceof Map<?, ?> || value instanceof Iterable<?>
					|| value.getClass().isArray();
			if (!container) {
				return converted(value, depth);
			}
			if (depth >= MAX_DEPTH) {
				return TOO_DEEP;
			}
			if (this.enclosing.put(value, Boolean.TRUE) != null) {
				return CYCLE;
			}
			try {
				return container(value, depth);
			}
			finally {
				this.enclosing.remove(value);
			}
		}

		private Object container(Object value, int depth) {
			if (value instanceof Map<?, ?> map) {
				Map<String, @Nullable Object> plain = new LinkedHashMap<>();
				for (Map.Entry<?, ?> member : map.entrySet()) {
					if (plain.size() == MAX_ELEMENTS) {
						plain.put("…", more(map.size() - MAX_ELEMENTS));
						break;
					}
					plain.put(StoredText.clean(String.valueOf(plainKey(member.getKey()))),
							plain(member.getValue(), depth + 1));
				}
				return plain;
			}
			List<@Nullable Object> plain = new ArrayList<>();
			if (value instanceof Iterable<?> iterable) {
				int seen = 0;
				for (Object element : iterable) {
					if (seen++ < MAX_ELEMENTS) {
						plain.add(plain(element, depth + 1));
					}
				}
				if (seen > MAX_ELEMENTS) {
					plain.add(more(seen - MAX_ELEMENTS));
				}
			}
			else {
				int length = Array.getLength(value);
				for (int i = 0; i < Math.min(length, MAX_ELEMENTS); i++) {
					plain.add(plain(Array.get(value, i), depth + 1));
				}
				if (length > MAX_ELEMENTS) {
					plain.add(more(length - MAX_ELEMENTS));
				}
			}
			return plain;
		}

		private static String more(int count) {
			return "(… " + count + " more)";
		}

		private @Nullable Object plainKey(@Nullable Object key) {
			return (key instanceof String || key == null) ? key : safeToString(key);
		}

		private Object number(Number number) {
			if (number instanceof Integer || number instanceof Long || number instanceof Short
					|| number instanceof Byte) {
				return number;
			}
			if (number instanceof Double || number instanceof Float) {
				return Double.isFinite(number.doubleValue()) ? number : text(number.toString());
			}
			if (number instanceof BigInteger big) {
				return (big.abs().toString().length() <= MAX_DIGITS) ? big : text(big.toString());
			}
			if (number instanceof BigDecimal decimal) {
				boolean fits = decimal.precision() <= MAX_DIGITS && Math.abs((long) decimal.scale()) <= MAX_DIGITS;
				return fits ? decimal : text(decimal.toString());
			}
			return text(safeToString(number));
		}

		private @Nullable Object converted(Object value, int depth) {
			Object converted;
			try {
				converted = this.converter.apply(value);
			}
			catch (RuntimeException | StackOverflowError ex) {
				return text(safeToString(value));
			}
			if (converted == value) {
				return text(safeToString(value));
			}
			return plain(converted, depth);
		}

		private String text(String text) {
			return StoredText.fit(text, this.maxValueLength);
		}

		private static String safeToString(Object value) {
			try {
				return String.valueOf(value);
			}
			catch (RuntimeException | StackOverflowError ex) {
				return value.getClass().getName();
			}
		}

	}

}
