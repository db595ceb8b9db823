package dev.auditlog.benchmarks.variant.auditlog;

import dev.auditlog.benchmarks.model.Item;
import dev.auditlog.benchmarks.variant.BenchmarkInfrastructure;
import dev.auditlog.benchmarks.variant.ItemStore;
import dev.auditlog.benchmarks.variant.StatementCounter;
import dev.auditlog.spring.hibernate.AuditEntryWriter;
import dev.auditlog.spring.hibernate.JdbcAuditEntryWriter;
import dev.auditlog.spring.schema.AuditDatabase;
import jakarta.persistence.EntityManager;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application of the auditlog variant: the starter attaches to Hibernate by itself.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = { AuditlogItem.class, Item.class })
@EnableJpaRepositories(basePackageClasses = AuditlogItem.class)
@Import(BenchmarkInfrastructure.class)
public class AuditlogApplication {

	@Bean
	ItemStore<AuditlogItem> itemStore(AuditlogItemRepository repository, TransactionTemplate transaction,
			EntityManager entityManager) {
		return new ItemStore<>(repository, AuditlogItem::new, transaction, entityManager);
	}

	/**
	 * The starter's writer, timed where it copies: a {@code COPY} works on the driver's
	 * connection, past the proxy that counts the other statements.
	 */
	@Bean
	AuditEntryWriter auditEntryWriter(StatementCounter counter) {
		AuditEntryWriter starter = new JdbcAuditEntryWriter(false);
		return (connection, database, entries) -> {
			if (database != AuditDatabase.POSTGRESQL || entries.size() < JdbcAuditEntryWriter.COPY_FROM_ROWS) {
				starter.write(connection, database, entries);
				return;
			}
			long started = System.nanoTime();
			starter.write(connection, database, entries);
			counter.countAuditlogCopy(entries.size(), System.nanoTime() - started);
		};
	}

}
