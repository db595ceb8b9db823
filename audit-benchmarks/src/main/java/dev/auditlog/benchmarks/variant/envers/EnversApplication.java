package dev.auditlog.benchmarks.variant.envers;

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
 * The application of the Envers variant: Envers attaches to Hibernate by itself (its
 * integrator), with the default audit strategy and revision entity.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = { EnversItem.class, Item.class })
@EnableJpaRepositories(basePackageClasses = EnversItem.class)
@Import(BenchmarkInfrastructure.class)
public class EnversApplication {

	@Bean
	ItemStore<EnversItem> itemStore(EnversItemRepository repository, TransactionTemplate transaction,
			EntityManager entityManager) {
		return new ItemStore<>(repository, EnversItem::new, transaction, entityManager);
	}

}
