package dev.auditlog.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@code AuditLog.revert} and {@code AuditLog.restore} when the change cannot
 * be undone exactly; nothing was changed then. {@link #getReason()} says why, the message
 * names the entry, model and fields.
 *
 * @since 0.2.0
 */
public class RevertRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	private final @Nullable Long entryId;

	/**
	 * Create an exception.
	 * @param reason why the revert is refused
	 * @param entryId the entry to revert, or {@code null} for a restore
	 * @param message what is refused, naming the model and fields
	 */
	public RevertRefusedException(Reason reason, @Nullable Long entryId, String message) {
		super(message);
		this.reason = reason;
		this.entryId = entryId;
	}

	/**
	 * Return why the revert is refused.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the entry whose revert is refused.
	 * @return its id, or {@code null} for a restore
	 */
	public @Nullable Long getEntryId() {
		return this.entryId;
	}

	/**
	 * Why a revert or restore is refused.
	 */
	public enum Reason {

		/** No entry has the given id. */
		NO_SUCH_ENTRY,

		/**
		 * The model is not revertible: {@code auditlog.models.<name>.revertible} is not
		 * {@code true}.
		 */
		NOT_REVERTIBLE,

		/** The entry is not an {@code UPDATE}. */
		NOT_AN_UPDATE,

		/**
		 * A field of the entry changed again since (a later entry changed it, or the live
		 * value is no longer the entry's new value).
		 */
		CHANGED_SINCE,

		/** A value to bring back is masked in the log. */
		MASKED,

		/** A value to bring back was cut to fit the log ({@code …[cut: …]}). */
		CUT,

		/**
		 * A value cannot be brought back: a collection change, a field the log does not
		 * know the value of, a to-one association logged by its {@code toString()}, or a
		 * value whose type has no exact form from its logged string.
		 */
		NOT_RESTORABLE,

		/** The object does not exist now, or did not exist at the instant. */
		NO_OBJECT

	}

}
