package dev.auditlog.spring.events;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.event.LogoutSuccessEvent;

/**
 * Stores Spring Boot's audit events (authentication success and failure, authorization
 * failure, and logouts) in {@code auditlog_event}, so {@code /actuator/auditevents}
 * browses them and they survive restarts.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		beforeName = "org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration")
@ConditionalOnClass(AuditEventRepository.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditlog.events.enabled", matchIfMissing = true)
public final class AuditlogEventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AuditEventRepository.class)
	JdbcAuditEventRepository auditlogEventRepository(DataSource dataSource, ObjectProvider<JsonMapper> jsonMapper) {
		return new JdbcAuditEventRepository(dataSource, jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LogoutSuccessEvent.class)
	static class Logouts {

		@Bean
		LogoutAuditListener auditlogLogoutAuditListener(ApplicationEventPublisher events) {
			return new LogoutAuditListener(events);
		}

	}

}
