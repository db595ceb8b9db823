package dev.auditlog.event;

import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;

/**
 * Published before a log entry is written. A listener that calls {@link #veto()} stops
 * that entry. The changes are already masked.
 *
 * @since 0.1.0
 */
public final class PreLogEvent {

	private final Class<?> modelClass;

	private final Object entity;

	private final Action action;

	private final Changes changes;

	private boolean vetoed;

	/**
	 * Create an event.
	 * @param modelClass the entity's class
	 * @param entity the changed entity
	 * @param action what happened
	 * @param changes what changed
	 */
	public PreLogEvent(Class<?> modelClass, Object entity, Action action, Changes changes) {
		this.modelClass = modelClass;
		this.entity = entity;
		this.action = action;
		this.changes = changes;
	}

	/**
	 * Return the entity's class.
	 * @return the class
	 */
	public Class<?> getModelClass() {
		return this.modelClass;
	}

	/**
	 * Return the changed entity.
	 * @return the entity
	 */
	public Object getEntity() {
		return this.entity;
	}

	/**
	 * Return what happened.
	 * @return the action
	 */
	public Action getAction() {
		return this.action;
	}

	/**
	 * Return what changed, masked.
	 * @return the changes
	 */
	public Changes getChanges() {
		return this.changes;
	}

	/**
	 * Stop this entry from being written.
	 */
	public void veto() {
		this.vetoed = true;
	}

	/**
	 * Return whether a listener stopped this entry.
	 * @return {@code true} if vetoed
	 */
	public boolean isVetoed() {
		return this.vetoed;
	}

}
