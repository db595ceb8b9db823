package dev.auditlog.spring.events;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.auditlog.spring.AuditlogProperties.AuthenticationSuccess;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AuthenticationAuditListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;

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
		super.onApplicationEvent(event);
	}

}
