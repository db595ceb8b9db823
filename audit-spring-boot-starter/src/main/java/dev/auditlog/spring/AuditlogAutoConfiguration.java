package dev.auditlog.spring;

import java.util.Optional;

import dev.auditlog.core.AuditContext;
import dev.auditlog.core.Masker;
import dev.auditlog.diff.ChangeDetector;
import dev.auditlog.diff.ValueFormatter;
import dev.auditlog.spring.web.ServletPrincipalActorResolver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.AuditorAware;

/**
 * The parts of the audit log that every feature shares: its properties, the diff engine,
 * masking and actor resolution. Each bean backs off when the application declares its
 * own.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditlogProperties.class)
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
	ActorResolver auditlogActorResolver() {
		return () -> null;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "jakarta.servlet.http.HttpServletRequest",
			"org.springframework.web.context.request.RequestContextHolder" })
	static class ServletActor {

		@Bean
		@ConditionalOnMissingBean
		ActorResolver auditlogServletActorResolver() {
			return new ServletPrincipalActorResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AuditorAware.class)
	static class CreatorStamps {

		/**
		 * Spring Data's {@code @CreatedBy}/{@code @LastModifiedBy} stamp rows with the
		 * same actor as the audit log.
		 */
		@Bean
		@ConditionalOnMissingBean(AuditorAware.class)
		AuditorAware<String> auditlogAuditorAware(ActorResolver actorResolver) {
			return () -> {
				String actor = AuditContext.actor();
				return Optional.ofNullable((actor != null) ? actor : actorResolver.currentActor());
			};
		}

	}

}
