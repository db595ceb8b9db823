package dev.auditlog.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The audited values of one object at one instant, rebuilt from its log entries by
 * {@link ObjectHistory#stateAt}.
 * <p>
 * Values are as the log holds them: the stable strings of the value formatter
 * ({@code 12.50}, {@code ACTIVE}, {@code 2026-11-30T10:00:00Z}, a to-one association by
 * its target's key, an embedded field under its dotted path {@code address.city}), masked
 * fields masked, long values cut with a {@code …[cut: …]} marker, and a tracked
 * collection as the sorted list of its elements' representations.
 *
 * @param model the entity name
 * @param objectPk the object's key as logged
 * @param at the instant the state is of
 * @param status whether the object existed then
 * @param values field name to its value then (a string, a list of strings for a
 * collection, or {@code null}); empty unless the object {@link Status#EXISTS existed}
 * @param complete whether every field of the model is known: {@code false} when fields
 * are excluded from auditing, when earlier entries were deleted (by retention or a flush)
 * or when a field appears in no entry up to then
 * @param missingFields the fields of the model whose value is not known: excluded from
 * auditing, or in no entry kept up to then
 * @param earlierEntriesMissing whether the oldest entry kept is not the object's
 * {@code CREATE}, so that entries before it were deleted
 * @param maskedFields the fields whose values are masked, as logged
 * @param cutFields the fields whose values were cut to fit the log
 * @param lastEntryId the id of the last entry at or before {@code at}, or {@code null}
 * @param lastChange when the last entry at or before {@code at} was recorded, or
 * {@code null}
 * @since 0.2.0
 */
public record ObjectState(String model, String objectPk, Instant at, Status status,
		Map<String, @Nullable Object> values, boolean complete, Set<String> missingFields,
		boolean earlierEntriesMissing, Set<String> maskedFields, Set<String> cutFields, @Nullable Long lastEntryId,
		@Nullable Instant lastChange) {

	public ObjectState {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		missingFields = Collections.unmodifiableSet(new TreeSet<>(missingFields));
		maskedFields = Collections.unmodifiableSet(new TreeSet<>(maskedFields));
		cutFields = Collections.unmodifiableSet(new TreeSet<>(cutFields));
	}

	/**
	 * Return the value of one field, as logged.
	 * @param field the field name
	 * @return the value: a string, a list of strings, or {@code null}
	 */
	public @Nullable Object value(String field) {
		return this.values.get(field);
	}

	/**
	 * Return the values of a collection field.
	 * @param field the field name
	 * @return the representations of its elements, sorted; empty when it has none
	 */
	@SuppressWarnings("unchecked")
	public List<String> elements(String field) {
		Object value = this.values.get(field);
		return (value instanceof List<?> list) ? (List<String>) list : List.of();
	}

	/**
	 * Whether an object existed at an instant, as far as its entries tell.
	 */
	public enum Status {

		/** The object existed: its values are given. */
		EXISTS,

		/** Its first entry, a {@code CREATE}, was recorded after the instant. */
		NOT_YET_CREATED,

		/** It was deleted at or before the instant. */
		DELETED,

		/**
		 * No entry of it was recorded at or before the instant, and its first entry kept
		 * is no {@code CREATE}: it may have existed, but nothing is known.
		 */
		UNKNOWN

	}

}
