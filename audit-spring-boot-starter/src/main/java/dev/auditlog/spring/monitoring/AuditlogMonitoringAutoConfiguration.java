package dev.auditlog.spring.monitoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.events.AuditEventStore;
import dev.auditlog.spring.events.AuditlogEventsAutoConfiguration;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;

/**
 * Suspicious-request monitoring ({@code auditlog.events.suspicious-requests.*}) and
 * login-burst detection ({@code auditlog.events.login-burst.*}) in servlet applications,
 * both off by default. Their filters run after the starter's request filter (so that the
 * client address and correlation id are bound) and before Spring Security.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AuditlogEventsAutoConfiguration.class,
		afterName = "dev.auditlog.spring.web.AuditlogWebAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Filter.class)
@ConditionalOnBean(AuditEventStore.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
public final class AuditlogMonitoringAutoConfiguration {

	/** After the starter's request filter, before Spring Security's (-100). */
	static final int SUSPICIOUS_REQUEST_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1010;

	static final int LOGIN_BURST_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1020;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "auditlog.events.suspicious-requests.enabled")
	static class SuspiciousRequests {

		@Bean
		@ConditionalOnMissingBean(name = "auditlogSuspiciousRequestFilter")
		FilterRegistrationBean<SuspiciousRequestFilter> auditlogSuspiciousRequestFilter(AuditlogProperties properties,
				AuditEventStore auditEventStore, ObjectProvider<SuspiciousRequestRule> customRules,
				ObjectProvider<Clock> clock) {
			AuditlogProperties.SuspiciousRequests settings = properties.getEvents().getSuspiciousRequests();
			List<SuspiciousRequestRule> rules = new ArrayList<>(
					SuspiciousRequestRules.named(settings.getRules(), settings.getMaxUrlLength()));
			customRules.orderedStream().forEach(rules::add);
			EventBudget budget = new EventBudget(settings.getMaxEventsPerMinute(), settings.getMaxTrackedAddresses(),
					clock.getIfAvailable(Clock::systemUTC));
			FilterRegistrationBean<SuspiciousRequestFilter> registration = new FilterRegistrationBean<>(
					new SuspiciousRequestFilter(rules, auditEventStore, budget));
			registration.setName("auditlogSuspiciousRequestFilter");
			registration.setOrder(SUSPICIOUS_REQUEST_FILTER_ORDER);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AbstractAuthenticationFailureEvent.class)
	@ConditionalOnBooleanProperty(name = "auditlog.events.login-burst.enabled")
	static class LoginBurst {

		@Bean
		LoginFailureTracker auditlogLoginFailureTracker(AuditlogProperties properties, ObjectProvider<Clock> clock) {
			AuditlogProperties.LoginBurst settings = properties.getEvents().getLoginBurst();
			return new LoginFailureTracker(settings.getMaxFailures(), settings.getWindow(), settings.getCoolDown(),
					settings.getMaxTracked(), clock.getIfAvailable(Clock::systemUTC));
		}

		@Bean
		LoginBurstListener auditlogLoginBurstListener(LoginFailureTracker auditlogLoginFailureTracker,
				AuditEventStore auditEventStore) {
			return new LoginBurstListener(auditlogLoginFailureTracker, auditEventStore);
		}

		/**
		 * Without a cool-down the filter refuses nothing and returns at once.
		 */
		@Bean
		FilterRegistrationBean<LoginBurstFilter> auditlogLoginBurstFilter(AuditlogProperties properties,
				LoginFailureTracker auditlogLoginFailureTracker, ObjectProvider<Clock> clock) {
			AuditlogProperties.LoginBurst settings = properties.getEvents().getLoginBurst();
			FilterRegistrationBean<LoginBurstFilter> registration = new FilterRegistrationBean<>(
					new LoginBurstFilter(auditlogLoginFailureTracker, settings.getLoginPaths(),
							settings.getUsernameParameter(), clock.getIfAvailable(Clock::systemUTC)));
			registration.setName("auditlogLoginBurstFilter");
			registration.setOrder(LOGIN_BURST_FILTER_ORDER);
			return registration;
		}

	}

}
