package dev.auditlog.benchmarks.variant.unaudited;

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
 * The application of the unaudited variant (run with {@code auditlog.enabled=false} and
 * Envers switched off).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = { UnauditedItem.class, Item.class })
@EnableJpaRepositories(basePackageClasses = UnauditedItem.class)
@Import(BenchmarkInfrastructure.class)
public class UnauditedApplication {

	@Bean
	ItemStore<UnauditedItem> itemStore(UnauditedItemRepository repository, TransactionTemplate transaction,
			EntityManager entityManager) {
		return new ItemStore<>(repository, UnauditedItem::new, transaction, entityManager);
	}

}
