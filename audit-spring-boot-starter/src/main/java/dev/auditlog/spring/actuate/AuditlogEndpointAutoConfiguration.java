package dev.auditlog.spring.actuate;

import dev.auditlog.AuditLog;
import dev.auditlog.spring.AuditlogAutoConfiguration;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.TenantReadRestriction;
import dev.auditlog.spring.query.AuditlogQueryAutoConfiguration;
import dev.auditlog.spring.query.LogEntryRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code auditlog} actuator endpoint and, when it is exposed over HTTP, its web
 * extension, which answers bad input with {@code 400} naming the parameter. Like every
 * actuator endpoint it is only available once included in
 * {@code management.endpoints.web.exposure.include}, and
 * {@code management.endpoint.auditlog.access} limits what it offers.
 * {@code management.endpoint.auditlog.show-values} decides who is shown values; when the
 * endpoint is exposed over HTTP without Spring Security, one warning says so at startup.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { AuditlogAutoConfiguration.class, AuditlogQueryAutoConfiguration.class },
		afterName = "dev.auditlog.spring.hibernate.AuditlogHibernateAutoConfiguration")
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(AuditlogEndpoint.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ AuditlogProperties.class, AuditlogEndpointProperties.class })
public final class AuditlogEndpointAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AuditlogEndpointAutoConfiguration.class);

	/** The name of the filter bean that Spring Security's web support registers. */
	private static final String SPRING_SECURITY_FILTER_CHAIN = "springSecurityFilterChain";

	@Bean
	@ConditionalOnBean({ AuditLog.class, LogEntryRepository.class })
	@ConditionalOnMissingBean
	AuditlogEndpoint auditlogEndpoint(AuditLog auditLog, LogEntryRepository repository, AuditlogProperties properties,
			AuditlogEndpointProperties endpointProperties,
			ObjectProvider<TenantReadRestriction> tenantReadRestriction) {
		AuditlogEndpoint endpoint = new AuditlogEndpoint(auditLog, repository, endpointProperties.getShowValues(),
				endpointProperties.getRoles());
		tenantReadRestriction.ifAvailable(endpoint::restrictTenantReadsWith);
		return endpoint;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(AuditlogEndpoint.class)
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	AuditlogEndpointWebExtension auditlogEndpointWebExtension(AuditlogEndpoint auditlogEndpoint) {
		return new AuditlogEndpointWebExtension(auditlogEndpoint);
	}

	@Bean
	@ConditionalOnBean(AuditlogEndpoint.class)
	@ConditionalOnAvailableEndpoint(endpoint = AuditlogEndpoint.class, exposure = EndpointExposure.WEB)
	static SmartInitializingSingleton auditlogEndpointSecurityWarning(ListableBeanFactory beanFactory,
			AuditlogEndpointProperties endpointProperties) {
		return () -> {
			if (!beanFactory.containsBean(SPRING_SECURITY_FILTER_CHAIN)) {
				logger.warn(
						"The auditlog endpoint is exposed over HTTP without Spring Security: anyone can read "
								+ "which objects changed when, and its values are shown as "
								+ "management.endpoint.auditlog.show-values={} allows",
						endpointProperties.getShowValues());
			}
		};
	}

}
