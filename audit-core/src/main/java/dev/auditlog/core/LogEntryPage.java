package dev.auditlog.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of log entries, newest first.
 *
 * @param entries the entries
 * @param next the cursor of the next page (pass it to
 * {@link LogEntryQuery.Builder#before(Long)}), or {@code null} on the last page
 * @since 0.1.0
 */
public record LogEntryPage(List<LogEntry> entries, @Nullable Long next) {

	public LogEntryPage {
		entries = List.copyOf(entries);
	}

}
