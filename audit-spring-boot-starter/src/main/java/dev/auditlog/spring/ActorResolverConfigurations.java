package dev.auditlog.spring;

import dev.auditlog.spring.security.SecurityContextActorResolver;
import dev.auditlog.spring.web.ServletPrincipalActorResolver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The candidates for the {@link ActorResolver}, imported by
 * {@link AuditlogAutoConfiguration} in order of preference: the first whose condition
 * holds defines it, and none does when the application declares its own.
 */
abstract class ActorResolverConfigurations {

	private ActorResolverConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
	@ConditionalOnMissingBean(ActorResolver.class)
	static class SpringSecurity {

		@Bean
		SecurityContextActorResolver auditlogActorResolver() {
			return new SecurityContextActorResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "jakarta.servlet.http.HttpServletRequest",
			"org.springframework.web.context.request.RequestContextHolder" })
	@ConditionalOnMissingBean(ActorResolver.class)
	static class ServletPrincipal {

		@Bean
		ServletPrincipalActorResolver auditlogActorResolver() {
			return new ServletPrincipalActorResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ActorResolver.class)
	static class NoActor {

		@Bean
		ActorResolver auditlogActorResolver() {
			return () -> null;
		}

	}

}
