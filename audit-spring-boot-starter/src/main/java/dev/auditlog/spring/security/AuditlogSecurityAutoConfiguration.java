package dev.auditlog.spring.security;

import dev.auditlog.spring.ActorResolver;
import dev.auditlog.spring.AuditlogAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Takes the actor of entries from Spring Security when it is on the classpath.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = AuditlogAutoConfiguration.class)
@ConditionalOnClass(SecurityContextHolder.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
public final class AuditlogSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ActorResolver.class)
	SecurityContextActorResolver auditlogSecurityActorResolver() {
		return new SecurityContextActorResolver();
	}

}
