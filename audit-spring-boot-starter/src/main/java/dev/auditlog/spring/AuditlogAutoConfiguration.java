package dev.auditlog.spring;

import java.util.Optional;

import dev.auditlog.core.Masker;
import dev.auditlog.diff.ChangeDetector;
import dev.auditlog.diff.ValueFormatter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.AuditorAware;

/**
 * The parts of the audit log that every feature shares: its properties, the diff engine,
 * masking and the {@link ActorResolution}. Each bean backs off when the application
 * declares its own. The {@link ActorResolver} is the application's when it declares one,
 * otherwise the first that fits of: Spring Security's context, the servlet request's
 * principal, no one.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditlogProperties.class)
@Import({ ActorResolverConfigurations.SpringSecurity.class, ActorResolverConfigurations.ServletPrincipal.class,
		ActorResolverConfigurations.NoActor.class })
public final class AuditlogAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Masker auditlogMasker() {
		return Masker.firstHalf();
	}

	@Bean
	@ConditionalOnMissingBean
	ValueFormatter auditlogValueFormatter() {
		return new ValueFormatter();
	}

	@Bean
	@ConditionalOnMissingBean
	ChangeDetector auditlogChangeDetector(ValueFormatter valueFormatter, Masker masker) {
		return new ChangeDetector(valueFormatter, masker);
	}

	@Bean
	@ConditionalOnMissingBean
	ActorResolution auditlogActorResolution(ActorResolver actorResolver) {
		return new ActorResolution(actorResolver);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AuditorAware.class)
	static class CreatorStamps {

		/**
		 * Spring Data's {@code @CreatedBy}/{@code @LastModifiedBy} stamp rows with the
		 * same actor as the audit log, on every thread.
		 */
		@Bean
		@ConditionalOnMissingBean(AuditorAware.class)
		AuditorAware<String> auditlogAuditorAware(ActorResolution actorResolution) {
			return () -> Optional.ofNullable(actorResolution.currentActor());
		}

	}

}
