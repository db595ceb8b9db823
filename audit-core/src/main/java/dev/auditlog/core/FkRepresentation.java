package dev.auditlog.core;

/**
 * How a change of a to-one association is written.
 *
 * @since 0.1.0
 */
public enum FkRepresentation {

	/** The target's identifier. */
	ID,

	/** The target's {@code toString()}. */
	STRING

}
