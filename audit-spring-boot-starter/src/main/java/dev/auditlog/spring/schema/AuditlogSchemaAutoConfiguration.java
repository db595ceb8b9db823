package dev.auditlog.spring.schema;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Migrates the audit tables at startup, before the {@code EntityManagerFactory} is built
 * and after the application's own Flyway migrations (which would otherwise find a
 * non-empty schema).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		afterName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(Flyway.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditlog.schema.migrate", matchIfMissing = true)
@Import({ AuditlogSchemaAutoConfiguration.AfterApplicationFlyway.class,
		AuditlogSchemaAutoConfiguration.BeforeEntityManagerFactory.class })
public final class AuditlogSchemaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditlogSchemaMigration auditlogSchemaMigration(DataSource dataSource) {
		return new AuditlogSchemaMigration(dataSource);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FlywayMigrationInitializer.class)
	static class AfterApplicationFlyway {

		@Bean
		static AbstractDependsOnBeanFactoryPostProcessor auditlogSchemaMigrationDependsOnFlyway() {
			return new SchemaMigrationDependsOnFlyway();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EntityManagerFactoryDependsOnPostProcessor.class)
	static class BeforeEntityManagerFactory {

		@Bean
		static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryDependsOnAuditlogSchemaMigration() {
			return new EntityManagerFactoryDependsOnPostProcessor(AuditlogSchemaMigration.class);
		}

	}

	static final class SchemaMigrationDependsOnFlyway extends AbstractDependsOnBeanFactoryPostProcessor {

		SchemaMigrationDependsOnFlyway() {
			super(AuditlogSchemaMigration.class, FlywayMigrationInitializer.class);
		}

	}

}
