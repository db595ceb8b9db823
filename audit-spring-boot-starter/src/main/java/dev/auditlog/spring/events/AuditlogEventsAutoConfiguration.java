package dev.auditlog.spring.events;

import java.time.Clock;

import javax.sql.DataSource;

import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.AuditlogAutoConfiguration;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.integrity.AuditlogIntegrityProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.boot.actuate.security.AbstractAuthorizationAuditListener;
import org.springframework.boot.actuate.security.AuthenticationAuditListener;
import org.springframework.boot.actuate.security.AuthorizationAuditListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;

/**
 * Records system events in {@code auditlog_event}: Spring Boot's audit events
 * (authentication success and failure, authorization failure) and logouts, so that
 * {@code /actuator/auditevents} browses them and they survive restarts, plus data
 * exports, request errors and slow requests. Successful authentications are recorded as
 * {@code auditlog.events.authentication-success} selects, through a replacement of Spring
 * Boot's {@link AuthenticationAuditListener} that backs off when the application defines
 * its own {@link AbstractAuthenticationAuditListener}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AuditlogAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		beforeName = "org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration")
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditlog.events.enabled", matchIfMissing = true)
public final class AuditlogEventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditEventStore auditlogEventStore(DataSource dataSource, ObjectProvider<Clock> clock,
			ObjectProvider<AuditlogProperties> properties, ObjectProvider<AuditlogIntegrityProperties> integrity,
			ConfigurableBeanFactory beanFactory) {
		AuditEventStore store = new AuditEventStore(dataSource, clock.getIfAvailable(Clock::systemUTC),
				properties.getIfAvailable(AuditlogProperties::new).getMaxValueLength(),
				integrity.getIfAvailable(AuditlogIntegrityProperties::new).isEnabled());
		// Micrometer is optional: nothing of it is loaded without it
		if (ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", beanFactory.getBeanClassLoader())) {
			store.countWith(MicrometerEventCounters.of(beanFactory));
		}
		return store;
	}

	/**
	 * Spring Boot starts its Spring Security audit listeners as soon as an
	 * {@link AuditEventRepository} exists: without Spring Security the repository would
	 * stop the application's startup.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AuditEventRepository.class, AbstractAuthenticationEvent.class })
	static class ActuatorAuditEvents {

		@Bean
		@ConditionalOnMissingBean(AuditEventRepository.class)
		JdbcAuditEventRepository auditlogEventRepository(AuditEventStore auditlogEventStore,
				ObjectProvider<ActorResolution> actorResolution) {
			return new JdbcAuditEventRepository(auditlogEventStore,
					actorResolution.getIfAvailable(() -> new ActorResolution(() -> null)));
		}

		@Bean
		@ConditionalOnMissingBean(AbstractAuthenticationAuditListener.class)
		@ConditionalOnBooleanProperty(name = "management.auditevents.enabled", matchIfMissing = true)
		AuthenticationAuditListener auditlogAuthenticationAuditListener(ObjectProvider<AuditlogProperties> properties) {
			return new AuthenticationSuccessAuditListener(
					properties.getIfAvailable(AuditlogProperties::new).getEvents().getAuthenticationSuccess());
		}

		@Bean
		@ConditionalOnMissingBean(AbstractAuthorizationAuditListener.class)
		@ConditionalOnBooleanProperty(name = "management.auditevents.enabled", matchIfMissing = true)
		AuthorizationAuditListener auditlogAuthorizationAuditListener(ObjectProvider<AuditlogProperties> properties) {
			return new AuthorizationFailureAuditListener(
					properties.getIfAvailable(AuditlogProperties::new).getEvents().getAuthorizationFailure());
		}

		@Bean
		LogoutAuditListener auditlogLogoutAuditListener(ApplicationEventPublisher events) {
			return new LogoutAuditListener(events);
		}

	}

}
