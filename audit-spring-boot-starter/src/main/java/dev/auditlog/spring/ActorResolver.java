package dev.auditlog.spring;

import org.jspecify.annotations.Nullable;

/**
 * Tells who is acting when a change is recorded and no actor was set with
 * {@link dev.auditlog.core.AuditContext#withActor(String)}. Declare a bean to replace the
 * default.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ActorResolver {

	/**
	 * Return the name of the current actor.
	 * @return the actor, or {@code null} when unknown or anonymous
	 */
	@Nullable String currentActor();

}
