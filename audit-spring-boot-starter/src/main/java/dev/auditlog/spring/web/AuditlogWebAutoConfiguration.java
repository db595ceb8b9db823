package dev.auditlog.spring.web;

import java.util.function.Supplier;

import dev.auditlog.AuditLog;
import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.AdditionalDataProvider;
import dev.auditlog.spring.AuditlogAutoConfiguration;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.InvalidAuditConfigurationException;
import dev.auditlog.spring.events.AuditEventStore;
import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
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
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Binds each servlet request's client address and correlation id to the entries it
 * causes, and logs {@code ACCESS} for {@code @AuditAccess} controller methods.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AuditlogAutoConfiguration.class,
		afterName = { "dev.auditlog.spring.hibernate.AuditlogHibernateAutoConfiguration",
				"dev.auditlog.spring.events.AuditlogEventsAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Filter.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditlog.web.enabled", matchIfMissing = true)
public final class AuditlogWebAutoConfiguration {

	/**
	 * The filter runs after a {@code ForwardedHeaderFilter} (highest precedence) and
	 * before Spring Security, so that the correlation id is echoed on rejected requests
	 * too.
	 */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	@Bean
	@ConditionalOnMissingBean(name = "auditContextFilter")
	FilterRegistrationBean<AuditContextFilter> auditContextFilter(AuditlogProperties properties,
			BeanFactory beanFactory) {
		AuditContextFilter filter = new AuditContextFilter(properties.getCid().getHeader(),
				correlationIdProvider(properties, beanFactory), !properties.isDisableRemoteAddr(),
				traceIds(beanFactory));
		FilterRegistrationBean<AuditContextFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("auditContextFilter");
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

	private static @Nullable CorrelationIdProvider correlationIdProvider(AuditlogProperties properties,
			BeanFactory beanFactory) {
		String getter = properties.getCid().getGetter();
		if (getter == null || getter.isBlank()) {
			return null;
		}
		try {
			return beanFactory.getBean(getter, CorrelationIdProvider.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new InvalidAuditConfigurationException("auditlog.cid.getter names '" + getter
					+ "', but there is no CorrelationIdProvider bean of that name", ex);
		}
	}

	/**
	 * Return the ids of the current trace, from a Micrometer Tracing {@code Tracer} bean
	 * if Micrometer Tracing is on the class path and there is one; nothing otherwise.
	 */
	private static Supplier<@Nullable String> traceIds(BeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : AuditlogWebAutoConfiguration.class.getClassLoader();
		if (!ClassUtils.isPresent("io.micrometer.tracing.Tracer", classLoader)) {
			return () -> null;
		}
		return TraceIds.of(beanFactory);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "auditlog.web.user-agent")
	AdditionalDataProvider auditlogUserAgentDataProvider() {
		return new UserAgentDataProvider();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebMvcConfigurer.class)
	@ConditionalOnBean(AuditEventStore.class)
	static class RequestEvents {

		@Bean
		WebMvcConfigurer auditlogRequestEvents(AuditEventStore auditEventStore, ActorResolution actorResolution,
				AuditlogProperties properties) {
			RequestEventsInterceptor interceptor = new RequestEventsInterceptor(auditEventStore, actorResolution,
					properties.getEvents().isRequestErrors(), properties.getEvents().getSlowRequestThreshold());
			return new WebMvcConfigurer() {
				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(interceptor);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ResponseBodyAdvice.class)
	@ConditionalOnBean(AuditLog.class)
	static class AccessLogging {

		@Bean
		AuditAccessResponseBodyAdvice auditAccessResponseBodyAdvice(AuditLog auditLog) {
			return new AuditAccessResponseBodyAdvice(auditLog);
		}

	}

}
