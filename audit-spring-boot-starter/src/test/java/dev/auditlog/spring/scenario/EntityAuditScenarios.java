package dev.auditlog.spring.scenario;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.auditlog.core.Action;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.ValueChange;
import dev.auditlog.event.PostLogEvent;
import dev.auditlog.spring.scenario.ScenarioSupport.RecordedEvents;
import dev.auditlog.spring.scenario.ScenarioSupport.StatementCounter;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The entity-change scenarios, run on each database by a subclass that supplies the data
 * source: what one change writes, in which transaction, with which statements.
 */
@SpringBootTest(classes = ScenarioApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create-drop",
		"spring.jpa.open-in-view=false", "spring.jpa.properties.hibernate.jdbc.batch_size=50",
		"spring.jpa.properties.hibernate.order_updates=true", "auditlog.models.Supplier.exclude-fields=internalNote",
		"auditlog.models.Supplier.mask-fields=iban", "auditlog.models.Supplier.serialize-data=true",
		"auditlog.models.Supplier.mapping-fields.name=Supplier name" })
@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
abstract class EntityAuditScenarios extends ScenarioTestBase {

	@Test
	void createWritesEveryAuditedFieldWithAValue() {
		Product product = inTransaction((em) -> {
			Category category = persist(new Category("Drinks"));
			Product tea = new Product("T-1", "Tea", new BigDecimal("12.50"));
			tea.setCategory(category);
			tea.setCode("abc");
			tea.setAddress(new Address("Main St 1", "Lyon"));
			tea.setUpdatedAt(Instant.now());
			return persist(tea);
		});
		Row row = onlyRow("Product");
		assertThat(row.action()).isEqualTo(Action.CREATE);
		assertThat(row.objectPk()).isEqualTo(product.getId().toString());
		assertThat(row.objectId()).isEqualTo(product.getId());
		assertThat(row.objectRepr()).isEqualTo("Product T-1");
		assertThat(row.changes()).isEqualTo(values("id", null, product.getId().toString(), "address.city", null, "Lyon",
				"address.street", null, "Main St 1", "category", null, product.getCategory().getId().toString(), "code",
				null, "ABC", "name", null, "Tea", "sku", null, "T-1", "status", null, "DRAFT", "unitPrice", null,
				"12.50", "version", null, "0"));
	}

	@Test
	void updateWritesOnlyTheChangedFields() {
		Product product = inTransaction((em) -> persist(new Product("T-1", "Tea", new BigDecimal("12.50"))));
		inTransaction((em) -> {
			Product loaded = em.find(Product.class, product.getId());
			loaded.setName("Green tea");
			loaded.setUnitPrice(new BigDecimal("13.00"));
			loaded.setStatus(Status.ACTIVE);
			return loaded;
		});
		Row row = lastRow("Product");
		assertThat(row.action()).isEqualTo(Action.UPDATE);
		assertThat(row.changes()).isEqualTo(values("name", "Tea", "Green tea", "status", "DRAFT", "ACTIVE", "unitPrice",
				"12.50", "13.00", "version", "0", "1"));
	}

	@Test
	void deleteWritesTheOldValues() {
		Product product = inTransaction((em) -> persist(new Product("T-1", "Tea", new BigDecimal("12.50"))));
		inTransaction((em) -> {
			em.remove(em.find(Product.class, product.getId()));
			return null;
		});
		Row row = lastRow("Product");
		assertThat(row.action()).isEqualTo(Action.DELETE);
		assertThat(row.changes()).isEqualTo(values("id", product.getId().toString(), null, "name", "Tea", null, "sku",
				"T-1", null, "status", "DRAFT", null, "unitPrice", "12.50", null, "version", "0", null));
	}

	@Test
	void savingWithoutAuditedDifferenceWritesNothing() {
		Product product = inTransaction((em) -> persist(new Product("T-1", "Tea", new BigDecimal("12.50"))));
		inTransaction((em) -> {
			Product loaded = em.find(Product.class, product.getId());
			loaded.setUnitPrice(new BigDecimal("12.5"));
			return loaded;
		});
		inTransaction((em) -> em.merge(em.find(Product.class, product.getId())));
		assertThat(rows()).hasSize(1);
	}

	@Test
	void changeOfAnExcludedFieldAloneWritesNothing() {
		Supplier supplier = inTransaction((em) -> persist(new Supplier("Acme", "DE44500105175407324931", "n", 3)));
		inTransaction((em) -> {
			em.find(Supplier.class, supplier.getId()).setInternalNote("late again");
			return null;
		});
		assertThat(rows()).extracting((row) -> row.action()).containsExactly(Action.CREATE);
		assertThat(onlyRow("Supplier").changes()).doesNotContainKey("internalNote");
	}

	@Test
	void maskedFieldIsNeverStoredOrPublishedInClear(CapturedOutput output) {
		Product product = inTransaction((em) -> {
			Product tea = new Product("T-1", "Tea", new BigDecimal("12.50"));
			tea.setSupplierCost(new BigDecimal("987654.32"));
			return persist(tea);
		});
		inTransaction((em) -> {
			em.find(Product.class, product.getId()).setSupplierCost(new BigDecimal("123456.78"));
			return null;
		});
		Supplier supplier = inTransaction((em) -> persist(new Supplier("Acme", "DE44500105175407324931", "n", 3)));
		assertThat(lastRow("Product").changes()).containsEntry("supplierCost",
				new ValueChange("****54.32", "****56.78"));
		assertThat(onlyRow("Supplier").changes()).containsEntry("iban",
				new ValueChange(null, "***********75407324931"));
		String everything = this.jdbc.queryForList("SELECT * FROM auditlog_logentry").toString()
				+ this.events.before.stream().map((event) -> event.getChanges().toJson()).toList()
				+ this.events.after.stream().map((event) -> String.valueOf(event.entry())).toList() + output.getAll();
		assertThat(everything).doesNotContain("987654.32", "123456.78", "DE44500105175407324931").contains("****54.32");
		assertThat(supplier.getId()).isNotNull();
	}

	@Test
	void toOneChangeIsLoggedAsTargetIdsWithoutLoadingTheTarget() {
		Long[] ids = inTransaction((em) -> {
			Category drinks = persist(new Category("Drinks"));
			Category food = persist(new Category("Food"));
			Product tea = new Product("T-1", "Tea", BigDecimal.ONE);
			tea.setCategory(drinks);
			persist(tea);
			return new Long[] { tea.getId(), drinks.getId(), food.getId() };
		});
		Product updated = inTransaction((em) -> {
			Product tea = em.find(Product.class, ids[0]);
			tea.setName("Black tea");
			return tea;
		});
		assertThat(Hibernate.isInitialized(updated.getCategory())).isFalse();
		inTransaction((em) -> {
			em.find(Product.class, ids[0]).setCategory(em.getReference(Category.class, ids[2]));
			return null;
		});
		assertThat(lastRow("Product").changes()).containsEntry("category",
				new ValueChange(ids[1].toString(), ids[2].toString()));
	}

	@Test
	void manyToManyChangesAreLoggedOnceAgainstTheOwnerFromEitherSide() {
		Long[] ids = inTransaction((em) -> {
			Product tea = persist(new Product("T-1", "Tea", BigDecimal.ONE));
			Tag hot = persist(new Tag("hot"));
			Tag organic = persist(new Tag("organic"));
			persist(new Tag("sale"));
			return new Long[] { tea.getId(), hot.getId(), organic.getId() };
		});
		inTransaction((em) -> {
			Product tea = em.find(Product.class, ids[0]);
			tea.getTags().add(em.find(Tag.class, ids[1]));
			tea.getTags().add(em.find(Tag.class, ids[2]));
			return null;
		});
		assertThat(lastRow("Product").changes()).isEqualTo(collection("tags", Operation.ADD, "hot", "organic"));
		int before = rows().size();
		inTransaction((em) -> {
			// from the inverse side, keeping both sides in step as JPA requires
			Tag hot = em.find(Tag.class, ids[1]);
			Product tea = em.find(Product.class, ids[0]);
			hot.getProducts().remove(tea);
			tea.getTags().remove(hot);
			return null;
		});
		List<Row> after = rows();
		assertThat(after).hasSize(before + 1);
		assertThat(after.get(after.size() - 1).model()).isEqualTo("Product");
		assertThat(after.get(after.size() - 1).changes()).isEqualTo(collection("tags", Operation.DELETE, "hot"));
		inTransaction((em) -> {
			em.find(Product.class, ids[0]).getTags().clear();
			return null;
		});
		assertThat(lastRow("Product").changes()).isEqualTo(collection("tags", Operation.DELETE, "organic"));
		assertThat(rows()).noneMatch((row) -> row.model().equals("Tag") && row.action() == Action.UPDATE);
	}

	@Test
	void creationCarriesTheInitialElementsOfItsCollections() {
		Product product = inTransaction((em) -> {
			Product tea = persist(new Product("T-1", "Tea", BigDecimal.ONE));
			tea.getTags().add(persist(new Tag("hot")));
			tea.getTags().add(persist(new Tag("organic")));
			tea.getLabels().add("vegan");
			return tea;
		});
		Row row = onlyRow("Product");
		assertThat(row.action()).isEqualTo(Action.CREATE);
		assertThat(row.changes()).containsEntry("name", new ValueChange(null, "Tea"))
			.containsEntry("tags", new CollectionChange(Operation.ADD, List.of("hot", "organic")))
			.containsEntry("labels", new CollectionChange(Operation.ADD, List.of("vegan")));
		assertThat(product.getId()).isNotNull();
	}

	@Test
	void replacingACollectionLogsWhatWasAddedAndRemoved() {
		Long[] ids = inTransaction((em) -> {
			Product tea = persist(new Product("T-1", "Tea", BigDecimal.ONE));
			Tag hot = persist(new Tag("hot"));
			Tag cold = persist(new Tag("cold"));
			tea.getTags().add(hot);
			return new Long[] { tea.getId(), hot.getId(), cold.getId() };
		});
		int before = rows().size();
		inTransaction((em) -> {
			Product tea = em.find(Product.class, ids[0]);
			tea.setTags(new java.util.HashSet<>(Set.of(em.find(Tag.class, ids[2]))));
			return null;
		});
		List<Map<String, FieldChange>> changes = rows().subList(before, rows().size())
			.stream()
			.map((row) -> row.changes())
			.toList();
		assertThat(changes).contains(collection("tags", Operation.ADD, "cold"),
				collection("tags", Operation.DELETE, "hot"));
	}

	@Test
	void elementCollectionChangesAreLogged() {
		Product product = inTransaction((em) -> persist(new Product("T-1", "Tea", BigDecimal.ONE)));
		inTransaction((em) -> {
			em.find(Product.class, product.getId()).getLabels().addAll(List.of("vegan", "bio"));
			return null;
		});
		assertThat(lastRow("Product").changes()).isEqualTo(collection("labels", Operation.ADD, "bio", "vegan"));
		inTransaction((em) -> {
			em.find(Product.class, product.getId()).getLabels().remove("bio");
			return null;
		});
		assertThat(lastRow("Product").changes()).isEqualTo(collection("labels", Operation.DELETE, "bio"));
	}

	@Test
	void rollbackLeavesNoEntry() {
		assertThatException().isThrownBy(() -> inTransaction((em) -> {
			persist(new Product("T-1", "Tea", BigDecimal.ONE));
			em.flush();
			throw new IllegalStateException("business failure");
		}));
		assertThat(rows()).isEmpty();
		assertThat(this.events.after).isEmpty();
	}

	@Test
	void severalChangesOfOneObjectInOneTransactionWriteTheNetChange() {
		Product created = inTransaction((em) -> {
			Product tea = persist(new Product("T-1", "Tea", BigDecimal.ONE));
			em.flush();
			tea.setName("Green tea");
			em.flush();
			tea.setName("White tea");
			return tea;
		});
		assertThat(onlyRow("Product").action()).isEqualTo(Action.CREATE);
		assertThat(onlyRow("Product").changes()).containsEntry("name", new ValueChange(null, "White tea"))
			.containsEntry("version", new ValueChange(null, "2"));
		inTransaction((em) -> {
			Product tea = em.find(Product.class, created.getId());
			tea.setName("Oolong");
			em.flush();
			tea.setName("White tea");
			em.flush();
			tea.setUnitPrice(new BigDecimal("2.00"));
			return null;
		});
		assertThat(lastRow("Product").changes()).isEqualTo(values("unitPrice", "1.00", "2.00", "version", "2", "5"));
		inTransaction((em) -> {
			Product tea = em.find(Product.class, created.getId());
			tea.setName("Rooibos");
			em.flush();
			em.remove(tea);
			return null;
		});
		assertThat(lastRow("Product").action()).isEqualTo(Action.DELETE);
		assertThat(lastRow("Product").changes()).containsEntry("name", new ValueChange("White tea", null));
		int count = rows().size();
		inTransaction((em) -> {
			Product coffee = persist(new Product("C-1", "Coffee", BigDecimal.ONE));
			em.flush();
			em.remove(coffee);
			return null;
		});
		assertThat(rows()).hasSize(count);
	}

	@Test
	void changesInOneTransactionAreWrittenInOneStatementWithoutReading() {
		List<Long> ids = inTransaction((em) -> {
			List<Long> created = new java.util.ArrayList<>();
			for (int i = 0; i < 20; i++) {
				created.add(persist(new Product("P-" + i, "Product " + i, BigDecimal.ONE)).getId());
			}
			return created;
		});
		int before = rows().size();
		inTransaction((em) -> {
			List<Product> products = em.createQuery("from Product", Product.class).getResultList();
			this.statements.reset();
			products.forEach((product) -> product.setName(product.getName() + "!"));
			return null;
		});
		long selects = this.statements.count("select");
		long auditInserts = this.statements.auditInserts();
		assertThat(selects).as("SELECTs while committing: %s", this.statements.executed).isZero();
		assertThat(auditInserts).as("audit INSERTs: %s", this.statements.executed).isOne();
		assertThat(rows()).hasSize(before + ids.size());
	}

	@Test
	void vetoedEntryIsNotWritten() {
		inTransaction((em) -> persist(new Product("V-1", ScenarioSupport.VETOED_NAME, BigDecimal.ONE)));
		inTransaction((em) -> persist(new Product("T-1", "Tea", BigDecimal.ONE)));
		assertThat(rows()).extracting((row) -> row.objectRepr()).containsExactly("Product T-1");
		assertThat(this.events.before).hasSize(2);
	}

	@Test
	void failedWriteFailsTheTransactionAndPublishesTheError() {
		this.jdbc
			.execute("ALTER TABLE auditlog_logentry ADD CONSTRAINT refuse_boom CHECK (object_repr <> 'Product BOOM')");
		try {
			assertThatException()
				.isThrownBy(() -> inTransaction((em) -> persist(new Product("BOOM", "Tea", BigDecimal.ONE))));
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product", Integer.class)).isZero();
			assertThat(rows()).isEmpty();
			assertThat(this.events.after).singleElement().satisfies((PostLogEvent event) -> {
				assertThat(event.created()).isFalse();
				assertThat(event.entry()).isNull();
				assertThat(event.error()).isNotNull();
			});
		}
		finally {
			this.jdbc.execute("ALTER TABLE auditlog_logentry DROP CONSTRAINT refuse_boom");
		}
	}

	@Test
	void disabledScopeWritesNothing() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			inTransaction((em) -> persist(new Product("T-1", "Tea", BigDecimal.ONE)));
		}
		inTransaction((em) -> persist(new Product("T-2", "Tea", BigDecimal.ONE)));
		assertThat(rows()).extracting((row) -> row.objectRepr()).containsExactly("Product T-2");
	}

	@Test
	void contextOfTheChangeIsStored() {
		try (AuditContext.Scope actor = AuditContext.withActor("nightly-import");
				AuditContext.Scope cid = AuditContext.withCid("job-42");
				AuditContext.Scope address = AuditContext.withRemoteAddr("2001:db8::1")) {
			inTransaction((em) -> persist(new Product("T-1", "Tea", BigDecimal.ONE)));
		}
		Row row = onlyRow("Product");
		assertThat(row.actor()).isEqualTo("nightly-import");
		assertThat(row.cid()).isEqualTo("job-42");
		assertThat(row.remoteAddr()).isEqualTo("2001:db8::1");
	}

	@Test
	void contextOfAChangeFlushedInsideAScopeIsKeptAfterTheScopeCloses() {
		inTransaction((em) -> {
			Product tea = persist(new Product("T-1", "Tea", BigDecimal.ONE));
			try (AuditContext.Scope actor = AuditContext.withActor("inner")) {
				em.flush();
			}
			return tea;
		});
		assertThat(onlyRow("Product").actor()).isEqualTo("inner");
	}

	@Test
	void unauditedEntityWritesNothing() {
		inTransaction((em) -> persist(new Note("hello")));
		assertThat(rows()).isEmpty();
	}

	@Test
	void modelRegisteredInConfigurationIsAuditedWithItsOptions() {
		Supplier supplier = inTransaction((em) -> persist(new Supplier("Acme", "DE44500105175407324931", "n", 3)));
		Row row = onlyRow("Supplier");
		assertThat(row.changes()).containsOnlyKeys("id", "name", "iban", "rating");
		assertThat(json.readValue(row.serializedData(), Map.class)).containsEntry("name", "Acme")
			.containsEntry("iban", "***********75407324931")
			.containsEntry("rating", "3")
			.doesNotContainKey("internalNote");
		assertThat(Changes.of(row.changes())
			.withDisplayRules(this.events.before.get(0).getChanges().displayRules())
			.display()).containsKey("Supplier name");
		assertThat(supplier.getId()).isNotNull();
	}

	@Test
	void entityContributesAdditionalData() {
		inTransaction((em) -> persist(new Category("Drinks")));
		assertThat(json.readValue(onlyRow("Category").additionalData(), Map.class)).containsEntry("nameLength", 6);
	}

	@Test
	void mergeOfADetachedEntityLogsTheRightOldValues() {
		Product detached = inTransaction((em) -> persist(new Product("T-1", "Tea", BigDecimal.ONE)));
		detached.setName("Detached change");
		inTransaction((em) -> em.merge(detached));
		assertThat(lastRow("Product").changes()).containsEntry("name", new ValueChange("Tea", "Detached change"));
	}

	@Test
	void identifiersOfEveryShapeAreStoredStably() {
		UUID documentId = UUID.fromString("6f1c2a0e-8a4b-4c1e-9f00-0123456789ab");
		inTransaction((em) -> {
			persist(new Document(documentId, "Spec"));
			persist(new Setting("theme", "dark"));
			persist(new OrderLine(7, 2, 5));
			persist(new Shipment("DHL", "X-9", "packed"));
			return null;
		});
		assertThat(onlyRow("Document").objectPk()).isEqualTo(documentId.toString());
		assertThat(onlyRow("Document").objectId()).isNull();
		assertThat(onlyRow("Setting").objectPk()).isEqualTo("theme");
		assertThat(onlyRow("Setting").objectId()).isNull();
		assertThat(onlyRow("OrderLine").objectPk()).isEqualTo("{\"line\":\"2\",\"orderId\":\"7\"}");
		assertThat(onlyRow("Shipment").objectPk()).isEqualTo("{\"carrier\":\"DHL\",\"number\":\"X-9\"}");
		inTransaction((em) -> {
			em.find(OrderLine.class, new OrderLine.Key(7, 2)).setQuantity(6);
			em.find(Shipment.class, new Shipment.Key("DHL", "X-9")).setState("sent");
			return null;
		});
		assertThat(lastRow("OrderLine").changes()).isEqualTo(values("quantity", "5", "6"));
		assertThat(lastRow("Shipment").changes()).isEqualTo(values("state", "packed", "sent"));
	}

	@Test
	void inheritedEntitiesAreLoggedAsTheirConcreteModel() {
		Long[] ids = inTransaction((em) -> new Long[] { persist(new Car("AB-123", 5)).getId(),
				persist(new CardPayment(new BigDecimal("9.99"), "4242")).getId() });
		inTransaction((em) -> {
			Car car = em.find(Car.class, ids[0]);
			car.setSeats(7);
			car.setPlate("AB-124");
			em.find(CardPayment.class, ids[1]).setLast4("1881");
			return null;
		});
		assertThat(lastRow("Car").changes()).isEqualTo(values("plate", "AB-123", "AB-124", "seats", "5", "7"));
		assertThat(lastRow("CardPayment").changes()).isEqualTo(values("last4", "4242", "1881"));
		assertThat(rows()).noneMatch((row) -> row.model().equals("Vehicle") || row.model().equals("Payment"));
	}

	@Test
	void lobEnumAndConvertedValuesAreLoggedAsTheirValues() {
		String longText = "x".repeat(10_000);
		Product product = inTransaction((em) -> persist(new Product("T-1", "Tea", BigDecimal.ONE)));
		inTransaction((em) -> {
			Product tea = em.find(Product.class, product.getId());
			tea.setDescription(longText);
			tea.setStatus(Status.DISCONTINUED);
			tea.setCode("xyz");
			return null;
		});
		Row row = lastRow("Product");
		assertThat(row.changes()).containsEntry("description", new ValueChange(null, longText))
			.containsEntry("status", new ValueChange("DRAFT", "DISCONTINUED"))
			.containsEntry("code", new ValueChange(null, "XYZ"));
		assertThat(Changes.of(row.changes()).withDisplayRules(displayRulesOf("Product")).display())
			.containsEntry("Status", Arrays.asList("Draft", "No longer sold"));
	}

	private dev.auditlog.core.DisplayRules displayRulesOf(String model) {
		return this.events.before.stream()
			.filter((event) -> event.getModelClass().getSimpleName().equals(model))
			.findFirst()
			.orElseThrow()
			.getChanges()
			.displayRules();
	}

}
