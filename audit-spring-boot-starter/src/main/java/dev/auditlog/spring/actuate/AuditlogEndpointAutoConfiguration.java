package dev.auditlog.spring.actuate;

import dev.auditlog.AuditLog;
import dev.auditlog.spring.AuditlogAutoConfiguration;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.query.AuditlogQueryAutoConfiguration;
import dev.auditlog.spring.query.LogEntryRepository;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code auditlog} actuator endpoint. Like every actuator endpoint it is only
 * available once included in {@code management.endpoints.web.exposure.include}, and
 * {@code management.endpoint.auditlog.access} limits what it offers.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { AuditlogAutoConfiguration.class, AuditlogQueryAutoConfiguration.class },
		afterName = "dev.auditlog.spring.hibernate.AuditlogHibernateAutoConfiguration")
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(AuditlogEndpoint.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditlogProperties.class)
public final class AuditlogEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean({ AuditLog.class, LogEntryRepository.class })
	@ConditionalOnMissingBean
	AuditlogEndpoint auditlogEndpoint(AuditLog auditLog, LogEntryRepository repository, AuditlogProperties properties) {
		return properties.getEndpoint().isFlushEnabled() ? new FlushingAuditlogEndpoint(auditLog, repository)
				: new AuditlogEndpoint(auditLog, repository);
	}

}
