package dev.auditlog.spring.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.auditlog.spring.AuditlogProperties.AuthenticationSuccess;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AuthenticationAuditListener;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;

/**
 * Spring Boot's {@link AuthenticationAuditListener} recording the successful
 * authentications that {@code auditlog.events.authentication-success} selects; failures
 * and user switches are recorded as Spring Boot records them. Logouts are left to the
 * starter's own {@code LOGOUT} event, so that each logout is one row rather than that and
 * Spring Boot's {@code LOGOUT_SUCCESS}.
 * <p>
 * Spring Security publishes an {@link AuthenticationSuccessEvent} for every
 * authentication its {@code ProviderManager} performs, including each request
 * authenticated by HTTP Basic or a bearer token, and an
 * {@link InteractiveAuthenticationSuccessEvent} only when a sign-in filter (form login,
 * OAuth2 or SAML login, remember-me, pre-authentication) has established a user. Spring
 * Boot's listener records the former and ignores the latter; in
 * {@link AuthenticationSuccess#INTERACTIVE} mode this listener does the opposite, so each
 * sign-in is recorded once, as an {@code AUTHENTICATION_SUCCESS} event with the same
 * principal and details.
 * <p>
 * A failed bearer token (or any attempt whose principal is its credential) is never
 * recorded under its own name, which Spring Boot's listener would do: the principal of
 * its {@code AUTHENTICATION_FAILURE} event is {@code token sha256:} and the first 16 hex
 * digits of the token's SHA-256, so that repeated use of one token can be recognised
 * without storing it.
 * <p>
 * A {@link ProviderNotFoundException} failure is not recorded: Spring Security's global
 * {@code ProviderManager} publishes it when a credential reaches it that only a filter
 * chain's own manager handles (a bearer token, say), just before that manager publishes
 * the real outcome, so that one failed request would otherwise be two rows.
 */
class AuthenticationSuccessAuditListener extends AuthenticationAuditListener {

	private final AuthenticationSuccess recorded;

	AuthenticationSuccessAuditListener(AuthenticationSuccess recorded) {
		this.recorded = recorded;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		if (event instanceof InteractiveAuthenticationSuccessEvent) {
			if (this.recorded == AuthenticationSuccess.INTERACTIVE) {
				Map<String, Object> data = new LinkedHashMap<>();
				Object details = event.getAuthentication().getDetails();
				if (details != null) {
					data.put("details", details);
				}
				publish(new AuditEvent(event.getAuthentication().getName(), AUTHENTICATION_SUCCESS, data));
			}
			return;
		}
		if (event instanceof AuthenticationSuccessEvent && this.recorded != AuthenticationSuccess.ALL) {
			return;
		}
		if (event instanceof LogoutSuccessEvent) {
			return;
		}
		if (event instanceof AbstractAuthenticationFailureEvent failure
				&& failure.getException() instanceof ProviderNotFoundException) {
			return;
		}
		String secret = (event instanceof AbstractAuthenticationFailureEvent failure)
				? secretPrincipal(failure.getAuthentication()) : null;
		if (secret != null) {
			AbstractAuthenticationFailureEvent failure = (AbstractAuthenticationFailureEvent) event;
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("type", failure.getException().getClass().getName());
			data.put("message", failure.getException().getMessage());
			publish(new AuditEvent(fingerprint(secret), AUTHENTICATION_FAILURE, data));
			return;
		}
		super.onApplicationEvent(event);
	}

	/**
	 * Return the principal of an authentication attempt when it is a secret: a bearer
	 * token, or any credential that is its own principal.
	 */
	static @Nullable String secretPrincipal(Authentication authentication) {
		Object principal = authentication.getPrincipal();
		if (!(principal instanceof String name)) {
			return null;
		}
		boolean bearer = authentication.getClass().getSimpleName().equals("BearerTokenAuthenticationToken");
		return (bearer || name.equals(authentication.getCredentials())) ? name : null;
	}

	static String fingerprint(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return "token sha256:" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
