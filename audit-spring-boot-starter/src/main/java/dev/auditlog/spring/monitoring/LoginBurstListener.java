package dev.auditlog.spring.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.events.AuditEventStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;

/**
 * Counts Spring Security's authentication failures per client address and per username,
 * and records a {@code LOGIN_BURST} event when one of them reaches the threshold within
 * the window. Only a username-and-password attempt (form login, HTTP Basic) names a
 * username; a failed bearer token or other credential counts for its address only, so
 * that no token is ever kept or recorded.
 */
class LoginBurstListener implements ApplicationListener<AbstractAuthenticationFailureEvent> {

	static final String LOGIN_BURST = "LOGIN_BURST";

	private static final Logger logger = LoggerFactory.getLogger(LoginBurstListener.class);

	private final LoginFailureTracker tracker;

	private final AuditEventStore store;

	LoginBurstListener(LoginFailureTracker tracker, AuditEventStore store) {
		this.tracker = tracker;
		this.store = store;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationFailureEvent event) {
		String username = username(event.getAuthentication());
		for (LoginFailureTracker.Burst burst : this.tracker.failed(AuditContext.remoteAddr(), username)) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("by", burst.kind());
			data.put("failures", burst.failures());
			data.put("windowSeconds", burst.window().toSeconds());
			if (burst.refusedUntil() != null) {
				data.put("refusedUntil", burst.refusedUntil().toString());
			}
			try {
				this.store.record(LoginFailureTracker.USERNAME.equals(burst.kind()) ? burst.key() : null, LOGIN_BURST,
						data);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not record a {} event", LOGIN_BURST, ex);
			}
		}
	}

	/**
	 * Return the username a sign-in attempt claimed, or {@code null} when it claimed none
	 * (a bearer token, an API key: their principal is the secret itself).
	 */
	static @Nullable String username(@Nullable Authentication authentication) {
		if (authentication instanceof UsernamePasswordAuthenticationToken token) {
			String name = token.getName();
			return (name.isBlank() || name.length() > 255 || name.equals(token.getCredentials())) ? null : name;
		}
		return null;
	}

}
