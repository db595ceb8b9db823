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

}
