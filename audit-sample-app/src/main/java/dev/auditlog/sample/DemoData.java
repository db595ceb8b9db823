package dev.auditlog.sample;

import java.math.BigDecimal;

import dev.auditlog.core.AuditContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a few products at startup when the inventory is empty, as the actor
 * {@code system}, so their creation is in the audit log too.
 */
@Component
class DemoData implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private final ProductRepository products;

	private final InventoryService inventory;

	private final TransactionTemplate transaction;

	DemoData(ProductRepository products, InventoryService inventory, TransactionTemplate transaction) {
		this.products = products;
		this.inventory = inventory;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.products.count() > 0) {
			return;
		}
		try (AuditContext.Scope system = AuditContext.withActor("system");
				AuditContext.Scope cid = AuditContext.withCid("demo-data")) {
			this.transaction.executeWithoutResult((status) -> {
				Product tea = this.inventory.create(new ProductRequest("TEA-001", "Green tea", new BigDecimal("12.50"),
						new BigDecimal("7.80"), ProductStatus.ACTIVE, "Sencha from Shizuoka", "Drinks"));
				this.inventory.tag(tea.getId(), "organic");
				this.inventory.create(new ProductRequest("COF-001", "Espresso beans", new BigDecimal("18.90"),
						new BigDecimal("11.20"), ProductStatus.ACTIVE, "Dark roast, 1 kg", "Drinks"));
				this.inventory.create(new ProductRequest("MUG-001", "Stoneware mug", new BigDecimal("9.00"),
						new BigDecimal("3.10"), ProductStatus.DRAFT, null, "Kitchen"));
			});
		}
		logger.info("Loaded {} demo products", this.products.count());
	}

}
