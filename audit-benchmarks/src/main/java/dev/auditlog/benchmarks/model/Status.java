package dev.auditlog.benchmarks.model;

/**
 * The life cycle of an {@link Item}: the entity's enum field.
 */
public enum Status {

	DRAFT, ACTIVE, ON_HOLD, RETIRED

}
