package dev.auditlog.benchmarks.variant.hibernate;

import dev.auditlog.benchmarks.model.Item;
import dev.auditlog.benchmarks.variant.BenchmarkInfrastructure;
import dev.auditlog.benchmarks.variant.ItemStore;
import jakarta.persistence.EntityManager;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application of the variant audited by Hibernate's own {@code @Audited}: Hibernate
 * writes the audit tables by itself; {@link Changeset} numbers the changesets.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = { HibernateAuditedItem.class, Item.class })
@EnableJpaRepositories(basePackageClasses = HibernateAuditedItem.class)
@Import(BenchmarkInfrastructure.class)
public class HibernateAuditedApplication {

	@Bean
	ItemStore<HibernateAuditedItem> itemStore(HibernateAuditedItemRepository repository,
			TransactionTemplate transaction, EntityManager entityManager) {
		return new ItemStore<>(repository, HibernateAuditedItem::new, transaction, entityManager);
	}

}
