package dev.auditlog.spring.web;

import java.security.Principal;

import dev.auditlog.spring.ActorResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Without Spring Security, the actor is the current servlet request's
 * {@code getUserPrincipal()}, when there is one.
 *
 * @since 0.1.0
 */
public class ServletPrincipalActorResolver implements ActorResolver {

	@Override
	public @Nullable String currentActor() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			Principal principal = attributes.getRequest().getUserPrincipal();
			return (principal != null) ? principal.getName() : null;
		}
		return null;
	}

}
