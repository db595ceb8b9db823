package dev.auditlog.spring.schema;

import java.time.Clock;

import javax.sql.DataSource;

import dev.auditlog.spring.AuditlogProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Monthly partitions of {@code auditlog_logentry} on PostgreSQL once
 * {@code auditlog.schema.partitioning} is {@code monthly}: the table is checked (and,
 * when empty, converted) after the audit migrations and before the
 * {@code EntityManagerFactory} is built, and partitions are created ahead at startup and
 * daily. On another database startup stops with a message saying so.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, AuditlogSchemaAutoConfiguration.class },
		beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "auditlog.schema.partitioning", havingValue = "monthly")
@EnableConfigurationProperties(AuditlogProperties.class)
@Import(AuditlogPartitioningAutoConfiguration.BeforeEntityManagerFactory.class)
public final class AuditlogPartitioningAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LogEntryPartitions auditlogLogEntryPartitions(DataSource dataSource, AuditlogProperties properties,
			ObjectProvider<AuditlogSchemaMigration> migration, ObjectProvider<Clock> clock) {
		// the table is checked once the migrations have created it
		migration.ifAvailable((migrated) -> {
		});
		// the clock that stamps the entries decides which months need a partition
		return new LogEntryPartitions(dataSource, properties.getSchema().getPartitionsAhead(),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EntityManagerFactoryDependsOnPostProcessor.class)
	static class BeforeEntityManagerFactory {

		@Bean
		static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryDependsOnAuditlogPartitions() {
			return new EntityManagerFactoryDependsOnPostProcessor(LogEntryPartitions.class);
		}

	}

}
