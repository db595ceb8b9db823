package dev.auditlog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.core.IntegrityReport;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.core.ObjectDiff;
import dev.auditlog.core.ObjectHistory;
import dev.auditlog.core.ObjectState;
import dev.auditlog.core.RevertRefusedException;
import dev.auditlog.core.ValueChange;
import org.jspecify.annotations.Nullable;

/**
 * Reads the audit log and writes what Hibernate's events cannot see. The Spring Boot
 * starter provides the bean.
 *
 * @since 0.1.0
 */
public interface AuditLog {

	/**
	 * Return every entry of one audited object, newest first.
	 * @param entity the object
	 * @return its entries
	 */
	List<LogEntry> history(Object entity);

	/**
	 * Start a query of the entries of one model; add filters and pass it to
	 * {@link #query(LogEntryQuery)}.
	 * @param model the entity class
	 * @return a query builder filtering on the model
	 */
	LogEntryQuery.Builder forModel(Class<?> model);

	/**
	 * Start a query of the entries of the given objects, all of one model. No objects (an
	 * empty {@code order.getLines()}) give a query that
	 * {@link LogEntryQuery#matchesNothing() matches nothing}: it returns no entries,
	 * without asking the database.
	 * @param entities the objects, possibly none
	 * @return a query builder filtering on their model and keys
	 * @throws IllegalArgumentException if an object is not of an audited model, has no
	 * identifier yet, or the objects are of different models that are not subclasses of
	 * one inheritance hierarchy (whose root then stands for them)
	 */
	LogEntryQuery.Builder forObjects(Collection<?> entities);

	/**
	 * Return one page of entries, newest first; {@link LogEntryPage#next()} is the cursor
	 * of the next page.
	 * @param query the filters, cursor and limit
	 * @return the page
	 */
	LogEntryPage query(LogEntryQuery query);

	/**
	 * Return one entry.
	 * @param id the entry's id
	 * @return the entry, or empty if there is none with that id
	 */
	Optional<LogEntry> find(long id);

	/**
	 * Return the entries with the given ids, in one read where the store allows it (the
	 * starter reads up to 500 ids per query).
	 * @param ids the entries' ids, none {@code null}; duplicates are read once
	 * @return the entries there are, in id order; an id without an entry (or, in the
	 * starter, an entry of another tenant when reads are restricted to one) is left out
	 * @throws NullPointerException if an id is {@code null}
	 * @since 0.2.0
	 */
	default List<LogEntry> findAll(Collection<Long> ids) {
		return ids.stream().sorted().distinct().map(this::find).flatMap(Optional::stream).toList();
	}

	/**
	 * Log a change Hibernate's listeners cannot see (a bulk JPQL update, native SQL), in
	 * the caller's transaction and batch, or at once when there is no transaction. Masked
	 * fields are masked.
	 * @param entity the changed object
	 * @param action what happened
	 * @param changes what changed
	 * @param additionalData extra data, or {@code null}
	 */
	void log(Object entity, Action action, Changes changes, @Nullable Map<String, @Nullable Object> additionalData);

	/**
	 * Log that an object was read, when its model logs {@link Action#ACCESS}.
	 * @param entity the object read
	 */
	void logAccess(Object entity);

	/**
	 * Log a bulk update that Hibernate's listeners cannot see: one {@code UPDATE} entry
	 * per affected row, without loading the rows.
	 * @param model the entity class
	 * @param ids the keys of the updated rows
	 * @param changes field name to its old and new value, the same for every row
	 * @return the number of entries logged
	 */
	int logBulkUpdate(Class<?> model, Collection<?> ids, Map<String, ValueChange> changes);

	/**
	 * Record that data left the application — a report, a CSV download, an API dump — as
	 * a {@code DATA_EXPORT} event in {@code auditlog_event}, with the current actor,
	 * client address and correlation id.
	 * @param type what was exported, such as {@code "products"}
	 * @param format the format, such as {@code "csv"}
	 * @param recordCount the number of records exported
	 * @param bytes the size of the export
	 * @param filters the filters that chose the records
	 */
	void logExport(String type, String format, long recordCount, long bytes, Map<String, ?> filters);

	/**
	 * Delete the entries recorded strictly before the given instant, in bounded batches,
	 * each in its own transaction.
	 * @param before the exclusive upper bound
	 * @return the number of entries deleted
	 */
	long flush(Instant before);

	/**
	 * Verify that no entry was changed, removed or added after it was written, and that
	 * the seals over them are intact, for the seals created in the given window and the
	 * entries they cover. Without a window end, entries not yet sealed are checked too.
	 * @param from only seals created at or after this instant, {@code null} for all since
	 * the first
	 * @param to only seals created before this instant, {@code null} for all up to now
	 * @return what was checked and found wrong
	 * @throws UnsupportedOperationException if integrity protection is not enabled
	 * @since 0.2.0
	 */
	default IntegrityReport verify(@Nullable Instant from, @Nullable Instant to) {
		throw new UnsupportedOperationException(
				"The audit log's integrity protection is off (auditlog.integrity.enabled=false)");
	}

	/**
	 * Return the audited values of one object at an instant, rebuilt from its entries
	 * recorded at or before it ({@link ObjectHistory}).
	 * @param model the entity class
	 * @param key the object's identifier, as the entity holds it
	 * @param at the instant
	 * @return the state, saying whether the object existed then and whether every field
	 * is known
	 * @throws IllegalArgumentException if the class is not an audited entity
	 * @since 0.2.0
	 */
	default ObjectState stateAt(Class<?> model, Object key, Instant at) {
		throw new UnsupportedOperationException("This audit log does not rebuild states");
	}

	/**
	 * Return the audited values of one object at an instant, by the model's entity name
	 * and the key as logged, as the actuator endpoint asks.
	 * @param model the entity name
	 * @param objectPk the key as logged
	 * @param at the instant
	 * @return the state
	 * @throws IllegalArgumentException if no audited model has that name
	 * @since 0.2.0
	 */
	default ObjectState stateAt(String model, String objectPk, Instant at) {
		throw new UnsupportedOperationException("This audit log does not rebuild states");
	}

	/**
	 * Return how one object's audited values differ between two instants.
	 * @param model the entity class
	 * @param key the object's identifier
	 * @param from the first instant
	 * @param to the second instant
	 * @return field name to {@code [value at from, value at to]}, differing fields only
	 * @throws IllegalArgumentException if the class is not an audited entity
	 * @since 0.2.0
	 */
	default ObjectDiff diff(Class<?> model, Object key, Instant from, Instant to) {
		throw new UnsupportedOperationException("This audit log does not rebuild states");
	}

	/**
	 * Return how one object's audited values differ between two instants, by entity name
	 * and key as logged.
	 * @param model the entity name
	 * @param objectPk the key as logged
	 * @param from the first instant
	 * @param to the second instant
	 * @return field name to {@code [value at from, value at to]}, differing fields only
	 * @throws IllegalArgumentException if no audited model has that name
	 * @since 0.2.0
	 */
	default ObjectDiff diff(String model, String objectPk, Instant from, Instant to) {
		throw new UnsupportedOperationException("This audit log does not rebuild states");
	}

	/**
	 * Undo one {@code UPDATE} entry: set each field it changed back to its old value on
	 * the live entity through JPA, in the caller's transaction or a new one, so that the
	 * revert is itself audited, with {@code additional_data} {@code {"revertOf": id}}.
	 * Only for models with {@code auditlog.models.<name>.revertible: true}.
	 * @param entryId the id of the entry to undo
	 * @throws RevertRefusedException if the entry is not an update, the model is not
	 * revertible, a field changed again since, a value is masked or cut, or a value
	 * cannot be brought back exactly; nothing is changed then
	 * @since 0.2.0
	 */
	default void revert(long entryId) {
		throw new UnsupportedOperationException("This audit log does not revert changes");
	}

	/**
	 * Bring one object back to its audited state at an instant, under the same guards as
	 * {@link #revert(long)}: every field whose value differs from that state is set back,
	 * audited with {@code additional_data} {@code {"restoredTo": "<instant>"}}.
	 * @param model the entity class
	 * @param key the object's identifier
	 * @param at the instant whose state is brought back
	 * @throws RevertRefusedException if the model is not revertible, the object does not
	 * exist now or did not then, a live value differs from the last logged one, a value
	 * is masked, cut or unknown; nothing is changed then
	 * @since 0.2.0
	 */
	default void restore(Class<?> model, Object key, Instant at) {
		throw new UnsupportedOperationException("This audit log does not revert changes");
	}

}
