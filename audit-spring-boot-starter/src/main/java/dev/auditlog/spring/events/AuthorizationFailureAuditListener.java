package dev.auditlog.spring.events;

import dev.auditlog.spring.AuditlogProperties.AuthorizationFailure;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.security.AuthorizationAuditListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationEvent;
import org.springframework.security.core.Authentication;

/**
 * Spring Boot's {@link AuthorizationAuditListener} recording the denied requests that
 * {@code auditlog.events.authorization-failure} selects. By default only the denials of
 * authenticated users are recorded: a request without credentials to a protected path is
 * denied and then asked to sign in — the normal start of every sign-in, and what any
 * client on the network can send as often as it likes — so recording it would add one
 * synchronous insert per anonymous request and fill the table with rows nobody reads.
 */
class AuthorizationFailureAuditListener extends AuthorizationAuditListener {

	private final AuthorizationFailure recorded;

	AuthorizationFailureAuditListener(AuthorizationFailure recorded) {
		this.recorded = recorded;
	}

	@Override
	public void onApplicationEvent(AuthorizationEvent event) {
		if (!(event instanceof AuthorizationDeniedEvent<?>) || this.recorded == AuthorizationFailure.NONE) {
			return;
		}
		if (this.recorded == AuthorizationFailure.AUTHENTICATED && isAnonymous(event.getAuthentication().get())) {
			return;
		}
		super.onApplicationEvent(event);
	}

	private static boolean isAnonymous(@Nullable Authentication authentication) {
		return authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated();
	}

}
