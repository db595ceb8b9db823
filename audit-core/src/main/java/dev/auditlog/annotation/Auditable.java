package dev.auditlog.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.auditlog.core.Action;
import dev.auditlog.core.FkRepresentation;

/**
 * Registers an entity with the audit log: every insert, update and delete of it writes a
 * log entry. The attributes are the per-model options; {@code auditlog.models.<name>.*}
 * in the application's configuration overrides them.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Auditable {

	/**
	 * Only these fields are diffed and logged; empty means all fields.
	 * @return the field names
	 */
	String[] includeFields() default {};

	/**
	 * These fields are never diffed or logged; wins over {@link #includeFields()}. Also
	 * fields of the elements of an element collection ({@code cards.securityCode}) and
	 * paths inside a JSON document ({@code metadata.internal}).
	 * @return the field names
	 */
	String[] excludeFields() default {};

	/**
	 * These fields are logged masked: the first half of the value replaced by {@code *}.
	 * Also fields of the elements of an element collection ({@code cards.number}) and
	 * paths inside a JSON document ({@code metadata.secret}).
	 * @return the field names
	 */
	String[] maskFields() default {};

	/**
	 * Collection fields whose additions and removals are logged.
	 * @return the field names
	 */
	String[] m2mFields() default {};

	/**
	 * The actions that are logged.
	 * @return the actions; all of them by default
	 */
	Action[] actions() default { Action.CREATE, Action.UPDATE, Action.DELETE, Action.ACCESS };

	/**
	 * Whether to also store the object's state after the change.
	 * @return {@code true} to store it
	 */
	boolean serializeData() default false;

	/**
	 * Limit the stored state to these fields; empty means all logged fields.
	 * @return the field names
	 */
	String[] serializeFields() default {};

	/**
	 * Limit the stored state to the fields that are diffed.
	 * @return {@code true} to limit it
	 */
	boolean serializeAuditlogFieldsOnly() default false;

	/**
	 * How a change of a to-one association is written.
	 * @return the representation
	 */
	FkRepresentation fkRepresentation() default FkRepresentation.ID;

}
