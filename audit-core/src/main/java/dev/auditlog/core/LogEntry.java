package dev.auditlog.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log: what happened to which object, who did it, from where.
 * <p>
 * An entry always fits its columns on every supported database: its texts are
 * {@linkplain StoredText#clean(String) cleaned} of what a database cannot store, the
 * model, key, actor and correlation id are {@linkplain StoredText#fit(String, int)
 * fitted} to {@value StoredText#COLUMN_LENGTH} characters (a longer one is cut with a
 * marker of its length and digest), the representation is cut to
 * {@value #MAX_REPR_LENGTH}, and the client address is
 * {@linkplain ClientAddress#normalize(String) normalised} ({@code null} when it is no IP
 * address).
 *
 * @param id the entry's id, {@code null} for an entry not read from the database (entries
 * are written in a batch and their ids are not read back)
 * @param timestamp when the change was recorded
 * @param action what happened
 * @param model the entity name of the changed object
 * @param objectPk the object's primary key as a string (fitted to 255 characters)
 * @param objectId the primary key as a number when it is integral, else {@code null}
 * @param objectRepr the object's {@code toString()} at the time, cut to 255 UTF-16 code
 * units without splitting a character
 * @param actor who made the change, {@code null} when unknown or anonymous
 * @param remoteAddr the client address of the request that made the change, normalised,
 * or {@code null}
 * @param cid the correlation id of the request or job that made the change
 * @param changes field name to change
 * @param additionalData extra JSON contributed by the application
 * @param serializedData the object's state after the change, when the model asks for it
 * @param tenant the Hibernate tenant identifier of the session that made the change
 * (fitted to 255 characters), or {@code null} when the application does not use
 * multi-tenancy
 * @since 0.1.0
 */
public record LogEntry(@Nullable Long id, Instant timestamp, Action action, String model, String objectPk,
		@Nullable Long objectId, String objectRepr, @Nullable String actor, @Nullable String remoteAddr,
		@Nullable String cid, Changes changes, @Nullable Map<String, @Nullable Object> additionalData,
		@Nullable Map<String, @Nullable Object> serializedData, @Nullable String tenant) {

	/**
	 * The member of {@code additionalData} that holds the labels of the to-one targets of
	 * the changed fields, as the entity knew them: field name to
	 * {@code [old label, new label]}, each {@code null} when not known.
	 * {@link #changesDisplay()} and {@link #changesText()} show them instead of the ids.
	 */
	public static final String LABELS = "_labels";

	/** The number of characters kept of an object's representation. */
	public static final int MAX_REPR_LENGTH = 255;

	public LogEntry {
		model = StoredText.fit(model, StoredText.COLUMN_LENGTH);
		objectPk = StoredText.fit(objectPk, StoredText.COLUMN_LENGTH);
		objectRepr = cut(StoredText.clean(objectRepr), MAX_REPR_LENGTH);
		actor = StoredText.fitNullable(actor, StoredText.COLUMN_LENGTH);
		remoteAddr = ClientAddress.normalize(remoteAddr);
		cid = StoredText.fitNullable(cid, StoredText.COLUMN_LENGTH);
		additionalData = readOnly(additionalData);
		serializedData = readOnly(serializedData);
		tenant = StoredText.fitNullable(tenant, StoredText.COLUMN_LENGTH);
	}

	/**
	 * Create an entry without a tenant.
	 * @param id the entry's id, or {@code null}
	 * @param timestamp when the change was recorded
	 * @param action what happened
	 * @param model the entity name of the changed object
	 * @param objectPk the object's primary key as a string
	 * @param objectId the primary key as a number when it is integral, else {@code null}
	 * @param objectRepr the object's {@code toString()} at the time
	 * @param actor who made the change, or {@code null}
	 * @param remoteAddr the client address, or {@code null}
	 * @param cid the correlation id, or {@code null}
	 * @param changes field name to change
	 * @param additionalData extra JSON contributed by the application, or {@code null}
	 * @param serializedData the object's state after the change, or {@code null}
	 */
	public LogEntry(@Nullable Long id, Instant timestamp, Action action, String model, String objectPk,
			@Nullable Long objectId, String objectRepr, @Nullable String actor, @Nullable String remoteAddr,
			@Nullable String cid, Changes changes, @Nullable Map<String, @Nullable Object> additionalData,
			@Nullable Map<String, @Nullable Object> serializedData) {
		this(id, timestamp, action, model, objectPk, objectId, objectRepr, actor, remoteAddr, cid, changes,
				additionalData, serializedData, null);
	}

	/**
	 * Return the changes as people read them: labels instead of field names, labels of
	 * enum values, values over 140 characters cut with {@code …}, masked values as
	 * stored.
	 * @return label to {@code [old, new]} or collection change
	 * @see Changes#display()
	 */
	public Map<String, Object> changesDisplay() {
		return labelledChanges().display();
	}

	/**
	 * Return the changes as one line: {@code field: old → new; …}.
	 * @return the changes as text
	 * @see Changes#text(String, String, String)
	 */
	public String changesText() {
		return labelledChanges().text();
	}

	private Changes labelledChanges() {
		Object labels = (this.additionalData != null) ? this.additionalData.get(LABELS) : null;
		if (!(labels instanceof Map<?, ?> byField) || byField.isEmpty()) {
			return this.changes;
		}
		Map<String, ValueChange> referenceLabels = new LinkedHashMap<>();
		byField.forEach((field, pair) -> {
			if (field instanceof String name && pair instanceof List<?> values && values.size() == 2) {
				referenceLabels.put(name, new ValueChange(textOf(values.get(0)), textOf(values.get(1))));
			}
		});
		return this.changes.withReferenceLabels(referenceLabels);
	}

	private static @Nullable String textOf(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * Cut a text to at most the given number of UTF-16 code units (H2 counts those; the
	 * other databases count characters, which are never more), never splitting a
	 * surrogate pair.
	 * @param text the text
	 * @param maxLength the number of code units to keep
	 * @return the text, cut if it was longer
	 */
	static String cut(String text, int maxLength) {
		if (text.length() <= maxLength) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
		return text.substring(0, end);
	}

	private static @Nullable Map<String, @Nullable Object> readOnly(@Nullable Map<String, @Nullable Object> map) {
		return (map != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : null;
	}

}
