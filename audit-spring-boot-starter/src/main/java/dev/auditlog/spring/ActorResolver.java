package dev.auditlog.spring;

import org.jspecify.annotations.Nullable;

/**
 * Tells who is acting on the current thread when no actor was set with
 * {@link dev.auditlog.core.AuditContext#withActor(String)}. Declare a bean to replace the
 * default, which is the authenticated user of Spring Security's context when Spring
 * Security is on the class path, otherwise the servlet request's user principal. The
 * {@link ActorResolution} asks it and decides; work handed to other threads keeps the
 * actor decided when it was handed over, so a resolver needs to know only its own thread.
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
