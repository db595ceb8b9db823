package dev.auditlog.spring.hibernate;

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A value of a converted attribute that is compared by its Java value but logged as a
 * note: the value of an attribute whose converter writes a different column value for the
 * same Java value each time, as an encrypting converter with a random IV does. The column
 * value in the log would never be the one the database holds, and the Java value is what
 * the application deliberately does not store in clear.
 */
final class ConcealedValue {

	/** What is logged instead of the value. */
	static final String NOTE = "(not logged: its converter writes a new column value each time)";

	private final Object compared;

	ConcealedValue(Object compared) {
		this.compared = compared;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other
				|| (other instanceof ConcealedValue concealed && Objects.deepEquals(this.compared, concealed.compared));
	}

	@Override
	public int hashCode() {
		return Arrays.deepHashCode(new Object[] { this.compared });
	}

	@Override
	public String toString() {
		return NOTE;
	}

}
