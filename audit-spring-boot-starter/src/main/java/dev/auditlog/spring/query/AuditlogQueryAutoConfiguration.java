package dev.auditlog.spring.query;

import javax.sql.DataSource;

import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.integrity.RetentionCheckpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Reads and deletes log entries with plain SQL on the application's data source.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditlogProperties.class)
public final class AuditlogQueryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LogEntryRepository auditlogLogEntryRepository(DataSource dataSource, AuditlogProperties properties,
			ObjectProvider<RetentionCheckpoint> retentionCheckpoint) {
		JdbcLogEntryRepository repository = new JdbcLogEntryRepository(dataSource,
				properties.getRetention().getBatchSize());
		repository.recordDeletionsWith(retentionCheckpoint.getIfAvailable());
		return repository;
	}

}
