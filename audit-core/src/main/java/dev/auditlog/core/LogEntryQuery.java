package dev.auditlog.core;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A query of the audit log: filters, a keyset cursor and a limit. Entries come newest
 * first; the next page is the same query {@link Builder#before(long) before} the last
 * entry's id. Build one with {@link #builder()}.
 *
 * @param model only entries of this entity name
 * @param objectPks only entries of the objects with these primary keys; {@code null}
 * means any object, an empty set means no object, so the query {@link #matchesNothing()
 * matches nothing}. Keys, like the model, actor and correlation id, are compared as
 * entries store them: {@linkplain StoredText#fit(String, int) fitted} to their column, so
 * a key too long for it finds the entries written for it
 * @param actor only entries made by this actor
 * @param actions only entries with one of these actions; empty means all
 * @param cid only entries with this correlation id
 * @param from only entries recorded at or after this instant
 * @param to only entries recorded before this instant
 * @param before only entries older than the entry with this id (the keyset cursor)
 * @param limit the maximum number of entries, from 1 to {@value #MAX_LIMIT}
 * @param changed only entries that changed this field (to or from the given values), or
 * {@code null} for any entry; a filter on a value needs {@code model}
 * @param tenant only entries recorded for this Hibernate tenant identifier, or
 * {@code null} for the entries of every tenant (and of none)
 * @since 0.1.0
 */
public record LogEntryQuery(@Nullable String model, @Nullable Set<String> objectPks, @Nullable String actor,
		Set<Action> actions, @Nullable String cid, @Nullable Instant from, @Nullable Instant to, @Nullable Long before,
		int limit, @Nullable ChangedField changed, @Nullable String tenant) {

	/** The number of entries returned when no limit is given. */
	public static final int DEFAULT_LIMIT = 50;

	/** The largest limit accepted. */
	public static final int MAX_LIMIT = 500;

	/**
	 * The largest number of object keys one query may filter on: enough for the lines of
	 * a large order, and well below the 32,767 parameters PostgreSQL accepts in one
	 * statement.
	 */
	public static final int MAX_OBJECT_PKS = 10_000;

	public LogEntryQuery {
		requireNotBlank("model", model);
		if (objectPks != null) {
			objectPks.forEach((objectPk) -> requireNotBlank("objectPk", objectPk));
			if (objectPks.size() > MAX_OBJECT_PKS) {
				throw new IllegalArgumentException(
						"objectPk may name at most " + MAX_OBJECT_PKS + " objects but names " + objectPks.size());
			}
			objectPks = Collections.unmodifiableSet(stored(objectPks));
		}
		requireNotBlank("actor", actor);
		requireNotBlank("cid", cid);
		model = StoredText.fitNullable(model, StoredText.COLUMN_LENGTH);
		actor = StoredText.fitNullable(actor, StoredText.COLUMN_LENGTH);
		requireNotBlank("tenant", tenant);
		cid = StoredText.fitNullable(cid, StoredText.COLUMN_LENGTH);
		tenant = StoredText.fitNullable(tenant, StoredText.COLUMN_LENGTH);
		actions = actions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(actions));
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
		}
		if (before != null && before < 1) {
			throw new IllegalArgumentException("before must be a positive entry id but was " + before);
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
		}
		if (changed != null && changed.filtersValue() && model == null) {
			throw new IllegalArgumentException("changedTo and changedFrom need a model: whether field '"
					+ changed.field() + "' is masked, and so not searchable by value, is known per model");
		}
	}

	/**
	 * Create a query without a filter on changed fields.
	 * @param model only entries of this entity name
	 * @param objectPks only entries of the objects with these primary keys
	 * @param actor only entries made by this actor
	 * @param actions only entries with one of these actions; empty means all
	 * @param cid only entries with this correlation id
	 * @param from only entries recorded at or after this instant
	 * @param to only entries recorded before this instant
	 * @param before only entries older than the entry with this id
	 * @param limit the maximum number of entries
	 */
	public LogEntryQuery(@Nullable String model, @Nullable Set<String> objectPks, @Nullable String actor,
			Set<Action> actions, @Nullable String cid, @Nullable Instant from, @Nullable Instant to,
			@Nullable Long before, int limit) {
		this(model, objectPks, actor, actions, cid, from, to, before, limit, null, null);
	}

	/**
	 * Create a query of the entries of every tenant.
	 * @param model only entries of this entity name
	 * @param objectPks only entries of the objects with these primary keys
	 * @param actor only entries made by this actor
	 * @param actions only entries with one of these actions; empty means all
	 * @param cid only entries with this correlation id
	 * @param from only entries recorded at or after this instant
	 * @param to only entries recorded before this instant
	 * @param before only entries older than the entry with this id
	 * @param limit the maximum number of entries
	 * @param changed only entries that changed this field, or {@code null}
	 * @since 0.2.0
	 */
	public LogEntryQuery(@Nullable String model, @Nullable Set<String> objectPks, @Nullable String actor,
			Set<Action> actions, @Nullable String cid, @Nullable Instant from, @Nullable Instant to,
			@Nullable Long before, int limit, @Nullable ChangedField changed) {
		this(model, objectPks, actor, actions, cid, from, to, before, limit, changed, null);
	}

	/**
	 * Return whether an entry's changes match the {@link #changed()} filter: the field is
	 * among them and, when values are given, it is a value change {@code [old, new]}
	 * whose old and new values equal them. A collection change matches a filter by name
	 * only.
	 * @param changes an entry's changes
	 * @return {@code true} if there is no filter or the changes match it
	 */
	public boolean matchesChanges(Changes changes) {
		ChangedField filter = this.changed;
		if (filter == null) {
			return true;
		}
		FieldChange change = changes.get(filter.field());
		if (change == null) {
			return false;
		}
		if (!filter.filtersValue()) {
			return true;
		}
		return change instanceof ValueChange value
				&& (filter.oldValue() == null || filter.oldValue().equals(value.oldValue()))
				&& (filter.newValue() == null || filter.newValue().equals(value.newValue()));
	}

	/**
	 * A filter on the changes of an entry: the field changed, optionally from or to a
	 * value (compared with the value as logged: the stable string of
	 * {@code ValueFormatter}, such as {@code ACTIVE}, {@code 12.50} or
	 * {@code 2026-11-30T10:00:00Z}).
	 *
	 * @param field the field name as logged (an embedded field by its dotted path)
	 * @param oldValue only changes from this value, or {@code null} for any
	 * @param newValue only changes to this value, or {@code null} for any
	 * @since 0.2.0
	 */
	public record ChangedField(String field, @Nullable String oldValue, @Nullable String newValue) {

		public ChangedField {
			requireNotBlank("changed", field);
			if (field.isEmpty()) {
				throw new IllegalArgumentException("changed must not be empty");
			}
		}

		/**
		 * Return whether a value is filtered on, besides the field's name.
		 * @return {@code true} if an old or a new value is given
		 */
		public boolean filtersValue() {
			return this.oldValue != null || this.newValue != null;
		}

	}

	private static Set<String> stored(Set<String> objectPks) {
		Set<String> stored = new LinkedHashSet<>(objectPks.size() * 2);
		for (String objectPk : objectPks) {
			stored.add(StoredText.fit(objectPk, StoredText.COLUMN_LENGTH));
		}
		return stored;
	}

	/**
	 * Return whether this query names an empty set of objects, as
	 * {@code auditLog.forObjects(List.of())} does: it matches no entry, and readers
	 * answer it without asking the database.
	 * @return {@code true} if no entry can match
	 */
	public boolean matchesNothing() {
		return this.objectPks != null && this.objectPks.isEmpty();
	}

	private static void requireNotBlank(String name, @Nullable String value) {
		if (value != null && value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

	/**
	 * Start a query of all entries, newest first, {@value #DEFAULT_LIMIT} at a time.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder holding this query's values, to derive another query.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.model = this.model;
		builder.objectPks = (this.objectPks != null) ? new LinkedHashSet<>(this.objectPks) : null;
		builder.actor = this.actor;
		builder.actions.addAll(this.actions);
		builder.cid = this.cid;
		builder.from = this.from;
		builder.to = this.to;
		builder.before = this.before;
		builder.limit = this.limit;
		builder.changed = this.changed;
		builder.tenant = this.tenant;
		return builder;
	}

	/**
	 * Builds a {@link LogEntryQuery}; {@link #build()} checks the values and names the
	 * bad one.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable Set<String> objectPks;

		private @Nullable String actor;

		private final Set<Action> actions = EnumSet.noneOf(Action.class);

		private @Nullable String cid;

		private @Nullable Instant from;

		private @Nullable Instant to;

		private @Nullable Long before;

		private int limit = DEFAULT_LIMIT;

		private @Nullable ChangedField changed;

		private @Nullable String tenant;

		private Builder() {
		}

		/**
		 * Only entries that changed this field, whatever its values.
		 * @param field the field name as logged (an embedded field by its dotted path)
		 * @return this builder
		 * @throws IllegalArgumentException if another field is already filtered on
		 * @since 0.2.0
		 */
		public Builder changedField(String field) {
			this.changed = changedField(field, null, null);
			return this;
		}

		/**
		 * Only entries that changed this field to this value (a create sets every field
		 * it logs to its value). May be combined with {@link #changedFrom} on the same
		 * field. Masked fields are refused when the query is run.
		 * @param field the field name as logged
		 * @param value the new value as logged
		 * @return this builder
		 * @throws IllegalArgumentException if another field is already filtered on
		 * @since 0.2.0
		 */
		public Builder changedTo(String field, String value) {
			ChangedField current = changedField(field, null, null);
			this.changed = new ChangedField(field, current.oldValue(), value);
			return this;
		}

		/**
		 * Only entries that changed this field from this value (a delete logs every
		 * field's last value as the old one). May be combined with {@link #changedTo} on
		 * the same field. Masked fields are refused when the query is run.
		 * @param field the field name as logged
		 * @param value the old value as logged
		 * @return this builder
		 * @throws IllegalArgumentException if another field is already filtered on
		 * @since 0.2.0
		 */
		public Builder changedFrom(String field, String value) {
			ChangedField current = changedField(field, null, null);
			this.changed = new ChangedField(field, value, current.newValue());
			return this;
		}

		private ChangedField changedField(String field, @Nullable String oldValue, @Nullable String newValue) {
			ChangedField current = this.changed;
			if (current == null) {
				return new ChangedField(field, oldValue, newValue);
			}
			if (!current.field().equals(field)) {
				throw new IllegalArgumentException("A query filters on one changed field, but names '" + current.field()
						+ "' and '" + field + "'");
			}
			return current;
		}

		/**
		 * Only entries of this entity name.
		 * @param model the entity name
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Only entries of the object with this primary key (added to those already
		 * given).
		 * @param objectPk the primary key as stored; {@code null} adds nothing
		 * @return this builder
		 */
		public Builder objectPk(@Nullable String objectPk) {
			if (objectPk != null) {
				objectPks().add(objectPk);
			}
			return this;
		}

		/**
		 * Only entries of the objects with these primary keys (added to those already
		 * given). An empty collection restricts the query to no object: it then matches
		 * nothing unless keys are added.
		 * @param objectPks the primary keys as stored
		 * @return this builder
		 */
		public Builder objectPks(Collection<String> objectPks) {
			objectPks().addAll(objectPks);
			return this;
		}

		private Set<String> objectPks() {
			Set<String> objectPks = this.objectPks;
			if (objectPks == null) {
				objectPks = new LinkedHashSet<>();
				this.objectPks = objectPks;
			}
			return objectPks;
		}

		/**
		 * Only entries made by this actor.
		 * @param actor the actor's name
		 * @return this builder
		 */
		public Builder actor(@Nullable String actor) {
			this.actor = actor;
			return this;
		}

		/**
		 * Only entries with one of these actions (added to those already given).
		 * @param actions the actions
		 * @return this builder
		 */
		public Builder actions(Action... actions) {
			this.actions.addAll(java.util.Arrays.asList(actions));
			return this;
		}

		/**
		 * Only entries with one of these actions (added to those already given).
		 * @param actions the actions
		 * @return this builder
		 */
		public Builder actions(Collection<Action> actions) {
			this.actions.addAll(actions);
			return this;
		}

		/**
		 * Only entries recorded for this Hibernate tenant identifier.
		 * @param tenant the tenant identifier as stored, or {@code null} for every tenant
		 * @return this builder
		 * @since 0.2.0
		 */
		public Builder tenant(@Nullable String tenant) {
			this.tenant = tenant;
			return this;
		}

		/**
		 * Only entries with this correlation id.
		 * @param cid the correlation id
		 * @return this builder
		 */
		public Builder cid(@Nullable String cid) {
			this.cid = cid;
			return this;
		}

		/**
		 * Only entries recorded at or after this instant.
		 * @param from the inclusive lower bound
		 * @return this builder
		 */
		public Builder from(@Nullable Instant from) {
			this.from = from;
			return this;
		}

		/**
		 * Only entries recorded before this instant.
		 * @param to the exclusive upper bound
		 * @return this builder
		 */
		public Builder to(@Nullable Instant to) {
			this.to = to;
			return this;
		}

		/**
		 * Only entries older than the entry with this id: the cursor of the next page.
		 * @param id the id of the last entry of the previous page
		 * @return this builder
		 */
		public Builder before(@Nullable Long id) {
			this.before = id;
			return this;
		}

		/**
		 * Return at most this many entries.
		 * @param limit from 1 to {@value LogEntryQuery#MAX_LIMIT}
		 * @return this builder
		 */
		public Builder limit(int limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Return the query.
		 * @return the query
		 * @throws IllegalArgumentException naming the bad value
		 */
		public LogEntryQuery build() {
			return new LogEntryQuery(this.model, this.objectPks, this.actor, this.actions, this.cid, this.from, this.to,
					this.before, this.limit, this.changed, this.tenant);
		}

	}

}
