package dev.auditlog.spring.events;

import java.util.Map;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;

/**
 * Records logouts as {@code LOGOUT} audit events, next to the login successes and
 * failures that Spring Boot records itself.
 */
class LogoutAuditListener {

	static final String LOGOUT = "LOGOUT";

	private final ApplicationEventPublisher events;

	LogoutAuditListener(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	void onLogout(LogoutSuccessEvent event) {
		this.events.publishEvent(new AuditApplicationEvent(event.getAuthentication().getName(), LOGOUT,
				Map.of("details", String.valueOf(event.getAuthentication().getDetails()))));
	}

}
