package dev.auditlog.spring.hibernate;

import java.util.List;

import dev.auditlog.core.Action;
import dev.auditlog.core.LogEntry;

/**
 * What the recorder reports about its writes: an observation around each transaction's
 * write and counts of the entries written, vetoed and dropped. Without Micrometer, or
 * without a registry, it reports nothing ({@link #NONE}).
 */
interface RecordingMetrics {

	/** Reports nothing. */
	RecordingMetrics NONE = new RecordingMetrics() {
	};

	/** A write that reports nothing when it ends. */
	Write UNOBSERVED = new Write() {
	};

	/**
	 * Start observing the write of a transaction's entries.
	 * @param entries the number of entries written in one statement
	 * @return the write, to be ended once with {@link Write#succeeded()} or
	 * {@link Write#failed(Throwable)}
	 */
	default Write startWrite(int entries) {
		return UNOBSERVED;
	}

	/**
	 * Count an entry that a {@code PreLogEvent} listener vetoed.
	 * @param action the action of the entry
	 */
	default void vetoed(Action action) {
	}

	/**
	 * Count entries that were written.
	 * @param entries the entries
	 */
	default void written(List<LogEntry> entries) {
	}

	/**
	 * Count entries that could not be written and were dropped ({@code on-error: log}).
	 * @param entries the entries
	 */
	default void dropped(List<LogEntry> entries) {
	}

	/**
	 * One observed write.
	 */
	interface Write {

		default void succeeded() {
		}

		default void failed(Throwable ex) {
		}

	}

}
