package dev.auditlog.core;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One thing {@linkplain IntegrityReport integrity verification} found wrong: an entry or
 * a seal, and what is wrong with it.
 *
 * @param entryId the id of the entry concerned, {@code null} when a seal is concerned
 * @param sealId the id of the seal concerned, {@code null} when an entry is concerned
 * @param kind what is wrong
 * @param table the table concerned when it is not {@code auditlog_logentry}:
 * {@code "auditlog_event"} for a system event or a seal of the events' chain; else
 * {@code null}
 * @since 0.2.0
 */
public record IntegrityProblem(@Nullable Long entryId, @Nullable Long sealId, Kind kind, @Nullable String table) {

	/**
	 * Return a problem of {@code auditlog_logentry} or its seals.
	 * @param entryId the id of the entry concerned, {@code null} when a seal is concerned
	 * @param sealId the id of the seal concerned, {@code null} when an entry is concerned
	 * @param kind what is wrong
	 */
	public IntegrityProblem(@Nullable Long entryId, @Nullable Long sealId, Kind kind) {
		this(entryId, sealId, kind, null);
	}

	/**
	 * Return a problem of a row or a seal of the given table's chain.
	 * @param table the table, {@code auditlog_logentry} or {@code auditlog_event}
	 * @param entryId the row's id, or {@code null} for a seal
	 * @param sealId the seal's id, or {@code null} for a row
	 * @param kind what is wrong
	 * @return the problem, with {@link #table()} {@code null} for
	 * {@code auditlog_logentry}
	 */
	public static IntegrityProblem of(String table, @Nullable Long entryId, @Nullable Long sealId, Kind kind) {
		return new IntegrityProblem(entryId, sealId, kind, "auditlog_logentry".equals(table) ? null : table);
	}

	/**
	 * Return a problem of an entry.
	 * @param entryId the entry's id
	 * @param kind what is wrong
	 * @return the problem
	 */
	public static IntegrityProblem entry(long entryId, Kind kind) {
		return new IntegrityProblem(entryId, null, kind);
	}

	/**
	 * Return a problem of a seal.
	 * @param sealId the seal's id
	 * @param kind what is wrong
	 * @return the problem
	 */
	public static IntegrityProblem seal(long sealId, Kind kind) {
		return new IntegrityProblem(null, sealId, kind);
	}

	/**
	 * What is wrong with an entry or a seal.
	 */
	public enum Kind {

		/**
		 * An entry whose columns no longer hash to what its seal recorded: a column was
		 * changed, or two entries' ids were swapped.
		 */
		MODIFIED,

		/**
		 * An entry a seal recorded that is gone (and no retention checkpoint explains
		 * it), or a seal missing from the chain.
		 */
		MISSING,

		/**
		 * An entry that claims to be sealed but no seal recorded it, or an entry without
		 * a content hash among sealed entries: it was added after the fact.
		 */
		INSERTED,

		/**
		 * An entry older than the time allowed for sealing that no seal covers: the seal
		 * job has not run, or the entry was added after the fact.
		 */
		UNSEALED,

		/**
		 * A seal whose signature does not match its content with the key it names, or
		 * that names a key that is not configured.
		 */
		BAD_SIGNATURE,

		/**
		 * A seal that does not chain to the seal before it.
		 */
		BROKEN_CHAIN;

		/**
		 * Return the kind as JSON shows it: {@code "modified"}, {@code "bad-signature"}.
		 * @return the kind's name in lower case with dashes
		 */
		public String jsonName() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
