package dev.auditlog.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How an object's audited values differ between two instants: field name to
 * {@code [value at from, value at to]}, only the fields that differ, in field name order.
 * Values are as {@link ObjectState} gives them; a field of an object that did not exist
 * at one end is {@code null} there.
 *
 * @param from the object's state at the first instant
 * @param to the object's state at the second instant
 * @param changes field name to the two values, a list of two elements (each a string, a
 * list of strings or {@code null})
 * @since 0.2.0
 */
public record ObjectDiff(ObjectState from, ObjectState to, Map<String, List<@Nullable Object>> changes) {

	public ObjectDiff {
		changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
	}

	/**
	 * Return whether both states are complete, so that no difference can hide in a field
	 * whose value is not known.
	 * @return {@code true} if both states are complete
	 */
	public boolean complete() {
		return this.from.complete() && this.to.complete();
	}

}
