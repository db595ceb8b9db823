package dev.auditlog.spring.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.integrity.RetentionCheckpoint;
import dev.auditlog.spring.query.AuditlogQueryAutoConfiguration;
import dev.auditlog.spring.query.LogEntryDatabases;
import dev.auditlog.spring.query.LogEntryRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.Assert;

/**
 * Deletes old entries on a schedule once {@code auditlog.retention.max-age} is set.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AuditlogQueryAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@ConditionalOnProperty("auditlog.retention.max-age")
@EnableConfigurationProperties(AuditlogProperties.class)
public final class AuditlogRetentionAutoConfiguration {

	@Bean
	@ConditionalOnBean(LogEntryRepository.class)
	LogEntryRetention auditlogRetention(LogEntryRepository repository, AuditlogProperties properties,
			ObjectProvider<RetentionCheckpoint> retentionCheckpoint, ObjectProvider<LogEntryDatabases> databases) {
		AuditlogProperties.Retention retention = properties.getRetention();
		Duration maxAge = retention.getMaxAge();
		Assert.state(maxAge != null, "auditlog.retention.max-age is not set");
		LogEntryDatabases every = databases.getIfAvailable();
		// the databases of the other persistence units too, when the starter knows them
		return (every != null)
				? new LogEntryRetention(() -> withPrimary(repository, every.repositories()), maxAge,
						retention.getCron(), Clock.systemUTC(), retentionCheckpoint.getIfAvailable())
				: new LogEntryRetention(repository, maxAge, retention.getCron(), Clock.systemUTC(),
						retentionCheckpoint.getIfAvailable());
	}

	private static List<LogEntryRepository> withPrimary(LogEntryRepository primary, List<LogEntryRepository> all) {
		List<LogEntryRepository> repositories = new ArrayList<>(all);
		if (!repositories.contains(primary)) {
			repositories.add(0, primary);
		}
		return repositories;
	}

}
