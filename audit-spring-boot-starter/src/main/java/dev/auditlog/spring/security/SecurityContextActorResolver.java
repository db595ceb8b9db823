package dev.auditlog.spring.security;

import dev.auditlog.spring.ActorResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor is the name of the authenticated {@link Authentication} in Spring Security's
 * context at the moment the change is recorded, so it is right for form login, HTTP
 * Basic, bearer tokens, {@code @WithMockUser}, a login during the request and run-as
 * replacement. Anonymous or unauthenticated → {@code null}.
 *
 * @since 0.1.0
 */
public class SecurityContextActorResolver implements ActorResolver {

	@Override
	public @Nullable String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getName();
	}

}
