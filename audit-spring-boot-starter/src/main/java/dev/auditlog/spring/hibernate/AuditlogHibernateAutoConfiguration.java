package dev.auditlog.spring.hibernate;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import tools.jackson.databind.json.JsonMapper;

import dev.auditlog.AuditLog;
import dev.auditlog.diff.ChangeDetector;
import dev.auditlog.diff.ValueFormatter;
import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.AdditionalDataProvider;
import dev.auditlog.spring.AuditlogAutoConfiguration;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.InvalidAuditConfigurationException;
import dev.auditlog.spring.TenantReadRestriction;
import dev.auditlog.spring.events.AuditEventStore;
import dev.auditlog.spring.integrity.AuditlogIntegrityProperties;
import dev.auditlog.spring.integrity.IntegrityVerifier;
import dev.auditlog.spring.integrity.RetentionCheckpoint;
import dev.auditlog.spring.query.LogEntryRepositories;
import dev.auditlog.spring.query.LogEntryRepository;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Attaches the audit log's Hibernate event listeners to every Hibernate
 * {@link EntityManagerFactory} of the application as soon as it is built, so that no
 * change escapes, and checks the audit configuration against its entities.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AuditlogAutoConfiguration.class,
		afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({ EntityManagerFactory.class, SessionFactoryImplementor.class })
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
public final class AuditlogHibernateAutoConfiguration {

	@Bean
	static AuditlogEntityManagerFactoryPostProcessor auditlogEntityManagerFactoryPostProcessor(BeanFactory beanFactory,
			ObjectProvider<AuditlogProperties> properties, ObjectProvider<ChangeDetector> detector,
			ObjectProvider<ValueFormatter> formatter, ObjectProvider<ActorResolution> actors,
			ObjectProvider<AdditionalDataProvider> additionalData, ObjectProvider<AuditEntryWriter> writer,
			ObjectProvider<Clock> clock, ObjectProvider<JsonMapper> json) {
		return new AuditlogEntityManagerFactoryPostProcessor(beanFactory,
				new AuditlogEntityManagerFactoryPostProcessor.Collaborators(properties, detector, formatter, actors,
						additionalData, writer, clock, json));
	}

	@Bean
	@ConditionalOnMissingBean(AuditEntryWriter.class)
	AuditEntryWriter auditEntryWriter(ObjectProvider<AuditlogIntegrityProperties> integrity) {
		return new JdbcAuditEntryWriter(integrity.getIfAvailable(AuditlogIntegrityProperties::new).isEnabled());
	}

	@Bean
	LogReads auditlogLogReads(AuditlogEntityManagerFactoryPostProcessor auditlogEntityManagerFactoryPostProcessor,
			ObjectProvider<LogEntryRepository> logEntryRepository, ObjectProvider<DataSource> dataSource,
			AuditlogProperties properties) {
		return new LogReads(auditlogEntityManagerFactoryPostProcessor, logEntryRepository, dataSource,
				(unit) -> LogEntryRepositories.jdbc(unit, properties.getRetention().getBatchSize()));
	}

	@Bean
	@ConditionalOnMissingBean(AuditLog.class)
	AuditLog auditLog(AuditlogEntityManagerFactoryPostProcessor auditlogEntityManagerFactoryPostProcessor,
			ObjectProvider<LogEntryRepository> logEntryRepository, ValueFormatter valueFormatter,
			ObjectProvider<AuditEventStore> auditEventStore, ActorResolution actorResolution,
			ObjectProvider<IntegrityVerifier> integrityVerifier,
			ObjectProvider<RetentionCheckpoint> retentionCheckpoint, LogReads reads, AuditlogProperties properties,
			ObjectProvider<PlatformTransactionManager> transactionManager, ObjectProvider<RevertMarks> revertMarks,
			ObjectProvider<TenantReadRestriction> tenantReadRestriction) {
		HibernateAuditLog auditLog = new HibernateAuditLog(auditlogEntityManagerFactoryPostProcessor,
				logEntryRepository, valueFormatter, auditEventStore, actorResolution, integrityVerifier,
				retentionCheckpoint, reads);
		revertMarks.ifAvailable((marks) -> auditLog
			.revertWith(new EntityReverter(properties, transactionManager, marks, valueFormatter)));
		tenantReadRestriction.ifAvailable(auditLog::restrictTenantReadsWith);
		return auditLog;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("auditlog.tenant.restrict-reads")
	TenantReadRestriction auditlogTenantReadRestriction(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
		EntityManagerFactory unique = entityManagerFactory.getIfUnique();
		SessionFactoryImplementor sessionFactory = (unique != null) ? unique.unwrap(SessionFactoryImplementor.class)
				: null;
		if (sessionFactory == null || sessionFactory.getCurrentTenantIdentifierResolver() == null) {
			throw new InvalidAuditConfigurationException("auditlog.tenant.restrict-reads=true needs the current "
					+ "tenant: configure Hibernate's CurrentTenantIdentifierResolver "
					+ "(hibernate.tenant_identifier_resolver) or declare a TenantReadRestriction bean");
		}
		return () -> HibernateAuditLog.readableTenant(sessionFactory);
	}

	@Bean
	RevertMarks auditlogRevertMarks() {
		return new RevertMarks();
	}

}
