package dev.auditlog.spring.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import org.jspecify.annotations.Nullable;

/**
 * Reads and deletes stored log entries. Entries come back with default display rules; the
 * {@link dev.auditlog.AuditLog} attaches each model's labels.
 *
 * @since 0.1.0
 */
public interface LogEntryRepository {

	/**
	 * Return one page of entries, newest first (by timestamp, then id).
	 * @param query the filters, cursor and limit
	 * @return the page
	 */
	LogEntryPage query(LogEntryQuery query);

	/**
	 * Return one entry.
	 * @param id the entry's id
	 * @return the entry, or empty
	 */
	Optional<LogEntry> find(long id);

	/**
	 * Return the entries with the given ids.
	 * @param ids the entries' ids
	 * @return the entries there are, in id order; an id without an entry is left out
	 * @since 0.2.0
	 */
	default List<LogEntry> findAll(Collection<Long> ids) {
		return ids.stream().sorted().distinct().map(this::find).flatMap(Optional::stream).toList();
	}

	/**
	 * Delete the entries recorded strictly before the given instant, in bounded batches,
	 * each its own transaction.
	 * @param before the exclusive upper bound
	 * @return the number of entries deleted
	 */
	long deleteBefore(Instant before);

	/**
	 * Count the entries recorded in a window of time by action, by model and by actor.
	 * @param from the start of the window (inclusive)
	 * @param to the end of the window (exclusive)
	 * @param actor only entries of this actor, or {@code null} for all
	 * @return the counts
	 */
	LogEntrySummary summarize(Instant from, Instant to, @Nullable String actor);

	/**
	 * Count the entries of one tenant recorded in a window of time by action, by model
	 * and by actor.
	 * @param from the start of the window (inclusive)
	 * @param to the end of the window (exclusive)
	 * @param actor only entries of this actor, or {@code null} for all
	 * @param tenant only entries of this tenant, or {@code null} for every tenant
	 * @return the counts
	 * @throws UnsupportedOperationException if a tenant is given and this repository does
	 * not filter by tenant
	 * @since 0.2.0
	 */
	default LogEntrySummary summarize(Instant from, Instant to, @Nullable String actor, @Nullable String tenant) {
		if (tenant != null) {
			throw new UnsupportedOperationException(getClass().getName() + " does not count entries by tenant");
		}
		return summarize(from, to, actor);
	}

}
