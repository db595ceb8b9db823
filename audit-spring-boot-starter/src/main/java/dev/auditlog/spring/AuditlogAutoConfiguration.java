package dev.auditlog.spring;

import dev.auditlog.core.Masker;
import dev.auditlog.diff.ChangeDetector;
import dev.auditlog.diff.ValueFormatter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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

}
