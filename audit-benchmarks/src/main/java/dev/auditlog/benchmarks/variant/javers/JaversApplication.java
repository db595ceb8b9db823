package dev.auditlog.benchmarks.variant.javers;

import dev.auditlog.benchmarks.model.Item;
import dev.auditlog.benchmarks.variant.AuditStateCache;
import dev.auditlog.benchmarks.variant.BenchmarkInfrastructure;
import dev.auditlog.benchmarks.variant.ItemStore;
import jakarta.persistence.EntityManager;
import org.javers.core.Javers;
import org.javers.hibernate.integration.HibernateUnproxyObjectAccessHook;
import org.javers.repository.sql.ConnectionProvider;
import org.javers.repository.sql.DialectName;
import org.javers.repository.sql.JaversSqlRepository;
import org.javers.repository.sql.SqlRepositoryBuilder;
import org.javers.spring.auditable.EmptyPropertiesProvider;
import org.javers.spring.auditable.MockAuthorProvider;
import org.javers.spring.auditable.aspect.springdatajpa.JaversSpringDataJpaAuditableRepositoryAspect;
import org.javers.spring.jpa.JpaHibernateConnectionProvider;
import org.javers.spring.jpa.TransactionalJpaJaversBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application of the JaVers variant. JaVers' Spring Boot starter in the registry is
 * for Spring Boot 3 only, so this wires its 7.10 libraries the way the starter's
 * {@code JaversSqlAutoConfiguration} does, with its defaults: a SQL repository on the
 * transaction's connection that manages its own schema, a transactional {@link Javers}
 * that unproxies Hibernate proxies, and the aspect that commits what passes through a
 * {@code @JaversSpringDataAuditable} repository.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = { JaversItem.class, Item.class })
@EnableJpaRepositories(basePackageClasses = JaversItem.class)
@EnableAspectJAutoProxy
@Import(BenchmarkInfrastructure.class)
public class JaversApplication {

	@Bean
	ConnectionProvider javersConnectionProvider(EntityManager entityManager) {
		return new JpaHibernateConnectionProvider(entityManager);
	}

	@Bean
	JaversSqlRepository javersSqlRepository(ConnectionProvider connectionProvider,
			@Value("${benchmark.schema}") String schema) {
		return SqlRepositoryBuilder.sqlRepository()
			.withConnectionProvider(connectionProvider)
			.withDialect(DialectName.POSTGRES)
			.withSchema(schema)
			.withSchemaManagementEnabled(true)
			.build();
	}

	@Bean
	Javers javers(JaversSqlRepository repository, PlatformTransactionManager transactionManager) {
		return TransactionalJpaJaversBuilder.javers()
			.withTxManager(transactionManager)
			.registerJaversRepository(repository)
			.withObjectAccessHook(new HibernateUnproxyObjectAccessHook<>())
			.build();
	}

	@Bean
	JaversSpringDataJpaAuditableRepositoryAspect javersSpringDataAuditableAspect(Javers javers) {
		return new JaversSpringDataJpaAuditableRepositoryAspect(javers, new MockAuthorProvider(),
				new EmptyPropertiesProvider());
	}

	@Bean
	AuditStateCache javersGlobalIdCache(JaversSqlRepository repository) {
		return repository::evictCache;
	}

	@Bean
	ItemStore<JaversItem> itemStore(JaversItemRepository repository, TransactionTemplate transaction,
			EntityManager entityManager) {
		return new ItemStore<>(repository, JaversItem::new, transaction, entityManager);
	}

}
