package dev.auditlog.spring.shapes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.actuate.AuditlogEndpoint;
import dev.auditlog.spring.actuate.AuditlogEndpoint.EntriesDescriptor;
import dev.auditlog.spring.actuate.AuditlogEndpoint.EntryDescriptor;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Shapes of real applications, run on each database by a subclass that supplies the data
 * source: querying by an inheritance root or a {@code @MappedSuperclass} returns the
 * entries of its subclasses, values the database computes are never logged stale, and
 * converted attributes are logged as their column holds them, encrypted ones as a note.
 */
@SpringBootTest(classes = ShapesApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"management.endpoints.web.exposure.include=auditlog",
				"management.endpoint.auditlog.show-values=always" })
abstract class ShapeScenarios {

	static final String SECRET_TAX_ID = "DE-123-456-789";

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditlogEndpoint endpoint;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManager entityManager;

	@BeforeEach
	void startEmpty() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			for (String table : List.of("party", "building", "vessel", "asset", "cash_ledger", "card_ledger",
					"order_item", "quote_item", "tax_profile_former", "tax_profile", "gauge", "auditlog_logentry")) {
				this.jdbc.update("DELETE FROM " + table);
			}
		}
	}

	// 3. inheritance

	@Test
	void aSingleTableRootReturnsTheEntriesOfItsSubclasses() {
		inTransaction((em) -> {
			em.persist(new Person(1L, "Ann", "ann@example.com"));
			em.persist(new Company(2L, "Acme", "DE1"));
		});
		inTransaction((em) -> em.find(Person.class, 1L).setName("Anne"));
		List<LogEntry> entries = entries(this.auditLog.forModel(Party.class));
		assertThat(entries).extracting(LogEntry::model).containsExactly("Person", "Company", "Person");
		assertThat(entries).extracting(LogEntry::action).containsExactly(Action.UPDATE, Action.CREATE, Action.CREATE);
		assertThat(entries(this.auditLog.forModel(Person.class))).extracting(LogEntry::model)
			.containsExactly("Person", "Person");
	}

	@Test
	void aJoinedRootReturnsTheEntriesOfItsSubclasses() {
		inTransaction((em) -> {
			em.persist(new Building(1L, "HQ", 12));
			em.persist(new Vessel(2L, "Ship", "NL"));
		});
		assertThat(entries(this.auditLog.forModel(Asset.class))).extracting(LogEntry::model)
			.containsExactlyInAnyOrder("Building", "Vessel");
	}

	@Test
	void aTablePerClassRootReturnsTheEntriesOfItsSubclasses() {
		inTransaction((em) -> {
			em.persist(new CashLedger(1L, "Ann", "T1"));
			em.persist(new CardLedger(2L, "Bob", "VISA"));
		});
		assertThat(entries(this.auditLog.forModel(Ledger.class))).extracting(LogEntry::model)
			.containsExactlyInAnyOrder("CashLedger", "CardLedger");
	}

	@Test
	void aMappedSuperclassReturnsTheEntriesOfItsSubclasses() {
		inTransaction((em) -> {
			em.persist(new OrderItem(1L, 2, new BigDecimal("5.00")));
			em.persist(new QuoteItem(2L, 3, new BigDecimal("7.00")));
		});
		assertThat(entries(this.auditLog.forModel(Line.class))).extracting(LogEntry::model)
			.containsExactlyInAnyOrder("OrderItem", "QuoteItem");
		assertThat(endpointModels("Line")).containsExactlyInAnyOrder("OrderItem", "QuoteItem");
		assertThat(endpointModels(Line.class.getName())).containsExactlyInAnyOrder("OrderItem", "QuoteItem");
	}

	@Test
	void theEndpointReturnsTheEntriesOfAnInheritanceRootsSubclasses() {
		inTransaction((em) -> {
			em.persist(new Person(1L, "Ann", "ann@example.com"));
			em.persist(new Company(2L, "Acme", "DE1"));
			em.persist(new Building(3L, "HQ", 12));
		});
		assertThat(endpointModels("Party")).containsExactlyInAnyOrder("Person", "Company");
		assertThat(endpointModels("Asset")).containsExactly("Building");
		EntriesDescriptor one = this.endpoint.entries(SecurityContext.NONE, "Party", "2", null, null, null, null, null,
				null, null, null, null, null);
		assertThat(one.entries()).extracting(EntryDescriptor::model).containsExactly("Company");
	}

	@Test
	void pagesOfARootFollowTheCursorInNewestFirstOrderWithoutDuplicateOrGap() {
		for (long i = 1; i <= 7; i++) {
			long id = i;
			inTransaction((em) -> em
				.persist((id % 2 == 0) ? new Person(id, "P" + id, "p@example.com") : new Company(id, "C" + id, "V")));
		}
		inTransaction((em) -> {
			em.find(Person.class, 2L).setName("P2b");
			em.find(Company.class, 3L).setName("C3b");
		});
		List<Long> expected = this.jdbc.queryForList(
				"SELECT id FROM auditlog_logentry WHERE model IN ('Person', 'Company') ORDER BY timestamp DESC, id DESC",
				Long.class);
		assertThat(expected).hasSize(9);
		LogEntryQuery query = this.auditLog.forModel(Party.class).limit(2).build();
		List<Long> seen = new ArrayList<>();
		LogEntryPage page = this.auditLog.query(query);
		seen.addAll(page.entries().stream().map(LogEntry::id).toList());
		while (page.next() != null) {
			page = this.auditLog.query(query.toBuilder().before(page.next()).build());
			assertThat(page.entries()).hasSizeLessThanOrEqualTo(2);
			seen.addAll(page.entries().stream().map(LogEntry::id).toList());
		}
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void objectsOfSeveralSubclassesOfOneHierarchyAreQueriedTogether() {
		Person ann = new Person(1L, "Ann", "ann@example.com");
		Company acme = new Company(2L, "Acme", "DE1");
		inTransaction((em) -> {
			em.persist(ann);
			em.persist(acme);
			em.persist(new Person(3L, "Bob", "bob@example.com"));
		});
		assertThat(entries(this.auditLog.forObjects(List.of(ann, acme)))).extracting(LogEntry::objectPk)
			.containsExactlyInAnyOrder("1", "2");
		OrderItem order = new OrderItem(1L, 1, BigDecimal.ONE);
		inTransaction((em) -> em.persist(order));
		assertThatIllegalArgumentException().isThrownBy(() -> this.auditLog.forObjects(List.of(ann, order)))
			.withMessageContaining("one model or of one inheritance hierarchy");
	}

	@Test
	void aClassWithoutAuditedSubclassesIsRefusedWithAMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.auditLog.forModel(Sku.class))
			.withMessageContaining(Sku.class.getName())
			.withMessageContaining("is not an audited entity");
	}

	// 4. values the database computes

	@Test
	void aFormulaIsNeverLoggedStale() {
		inTransaction((em) -> em.persist(new OrderItem(1L, 2, new BigDecimal("5.00"))));
		inTransaction((em) -> {
			OrderItem item = em.find(OrderItem.class, 1L);
			assertThat(item.getTotal()).isEqualByComparingTo("10.00");
			item.setQuantity(3);
		});
		inTransaction((em) -> assertThat(em.find(OrderItem.class, 1L).getTotal()).isEqualByComparingTo("15.00"));
		inTransaction((em) -> em.remove(em.find(OrderItem.class, 1L)));
		List<LogEntry> entries = entries(this.auditLog.forModel(OrderItem.class));
		assertThat(entries).extracting(LogEntry::action).containsExactly(Action.DELETE, Action.UPDATE, Action.CREATE);
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.changes().asMap()).doesNotContainKey("total");
			if (entry.serializedData() != null) {
				assertThat(entry.serializedData()).doesNotContainKey("total").containsKey("quantity");
			}
		});
		assertThat(entries.get(1).changes().get("quantity")).isEqualTo(new ValueChange("2", "3"));
		assertThat(entries.get(2).serializedData()).isNotNull();
	}

	@Test
	void aDatabaseDefaultReadBackIsLoggedAsTheDatabaseHoldsIt() {
		inTransaction((em) -> {
			Gauge gauge = new Gauge(1L, "g1");
			gauge.setNameCopy("never written");
			em.persist(gauge);
		});
		assertThat(this.jdbc.queryForObject("SELECT state FROM gauge", String.class)).isEqualTo("NEW");
		LogEntry created = entries(this.auditLog.forModel(Gauge.class)).get(0);
		assertThat(created.changes().get("state")).isEqualTo(new ValueChange(null, "NEW"));
		assertThat(created.changes().asMap()).doesNotContainKey("nameCopy");
		assertThat(created.serializedData()).containsEntry("state", "NEW").doesNotContainKey("nameCopy");
		inTransaction((em) -> {
			Gauge gauge = em.find(Gauge.class, 1L);
			gauge.setName("g2");
			gauge.setNameCopy("stale");
		});
		LogEntry updated = entries(this.auditLog.forModel(Gauge.class)).get(0);
		assertThat(updated.changes().asMap()).containsOnlyKeys("name");
	}

	// 2. converted attributes

	@Test
	void anEncryptedAttributeIsNeverLoggedInClear() {
		inTransaction((em) -> {
			TaxProfile profile = new TaxProfile(1L, "Ann");
			profile.setTaxId(SECRET_TAX_ID);
			profile.setPin("4711");
			profile.getFormerTaxIds().add("DE-999-000-111");
			em.persist(profile);
		});
		String column = this.jdbc.queryForObject("SELECT tax_id FROM tax_profile", String.class);
		assertThat(column).isNotEqualTo(SECRET_TAX_ID);
		Map<String, Object> row = this.jdbc.queryForMap("SELECT changes, serialized_data FROM auditlog_logentry");
		assertThat(String.valueOf(row.get("changes")) + row.get("serialized_data")).doesNotContain(SECRET_TAX_ID)
			.doesNotContain("123-456")
			.doesNotContain("999-000")
			.doesNotContain(column)
			.doesNotContain("4711");
		LogEntry created = entries(this.auditLog.forModel(TaxProfile.class)).get(0);
		assertThat(created.changes().get("taxId")).isEqualTo(new ValueChange(null, concealed()));
		assertThat(created.changes().get("pin")).isEqualTo(new ValueChange(null, "**11"));
		assertThat(created.changes().get("formerTaxIds"))
			.isEqualTo(new CollectionChange(Operation.ADD, List.of(concealed())));
		assertThat(created.serializedData()).containsEntry("taxId", concealed()).containsEntry("pin", "**11");
	}

	@Test
	void anEncryptedAttributeIsComparedByItsJavaValue() {
		inTransaction((em) -> {
			TaxProfile profile = new TaxProfile(1L, "Ann");
			profile.setTaxId(SECRET_TAX_ID);
			em.persist(profile);
		});
		inTransaction((em) -> em.find(TaxProfile.class, 1L).setHolder("Anne"));
		assertThat(entries(this.auditLog.forModel(TaxProfile.class)).get(0).changes().asMap())
			.containsOnlyKeys("holder");
		inTransaction((em) -> {
			TaxProfile profile = em.find(TaxProfile.class, 1L);
			profile.setTaxId(new String(SECRET_TAX_ID));
			profile.getFormerTaxIds().add(SECRET_TAX_ID);
		});
		LogEntry latest = entries(this.auditLog.forModel(TaxProfile.class)).get(0);
		assertThat(latest.changes().asMap()).containsOnlyKeys("formerTaxIds");
		inTransaction((em) -> em.find(TaxProfile.class, 1L).setTaxId("DE-000"));
		assertThat(entries(this.auditLog.forModel(TaxProfile.class)).get(0).changes().get("taxId"))
			.isEqualTo(new ValueChange(concealed(), concealed()));
		inTransaction((em) -> em.find(TaxProfile.class, 1L).setTaxId(null));
		assertThat(entries(this.auditLog.forModel(TaxProfile.class)).get(0).changes().get("taxId"))
			.isEqualTo(new ValueChange(concealed(), null));
	}

	@Test
	void aConvertedAttributeIsLoggedAndComparedAsItsColumnHoldsIt() {
		inTransaction((em) -> {
			TaxProfile profile = new TaxProfile(1L, "Ann");
			profile.setCountryCode("de");
			profile.setSku(new Sku("ab 12"));
			em.persist(profile);
		});
		assertThat(this.jdbc.queryForObject("SELECT country_code FROM tax_profile", String.class)).isEqualTo("DE");
		LogEntry created = entries(this.auditLog.forModel(TaxProfile.class)).get(0);
		assertThat(created.changes().get("countryCode")).isEqualTo(new ValueChange(null, "DE"));
		assertThat(created.changes().get("sku")).isEqualTo(new ValueChange(null, "AB12"));
		inTransaction((em) -> {
			TaxProfile profile = em.find(TaxProfile.class, 1L);
			assertThat(profile.getCountryCode()).isEqualTo("DE");
			profile.setCountryCode("de");
			profile.setSku(new Sku("AB12"));
		});
		assertThat(entries(this.auditLog.forModel(TaxProfile.class))).hasSize(1);
		inTransaction((em) -> em.find(TaxProfile.class, 1L).setCountryCode("fr"));
		assertThat(entries(this.auditLog.forModel(TaxProfile.class)).get(0).changes().get("countryCode"))
			.isEqualTo(new ValueChange("DE", "FR"));
	}

	private static String concealed() {
		return "(not logged: its converter writes a new column value each time)";
	}

	private List<String> endpointModels(String model) {
		EntriesDescriptor page = this.endpoint.entries(SecurityContext.NONE, model, null, null, null, null, null, null,
				null, null, null, null, null);
		return page.entries().stream().map(EntryDescriptor::model).toList();
	}

	private List<LogEntry> entries(LogEntryQuery.Builder query) {
		List<LogEntry> entries = this.auditLog.query(query.limit(LogEntryQuery.MAX_LIMIT).build()).entries();
		assertThat(new HashSet<>(entries.stream().map(LogEntry::id).toList())).hasSize(entries.size());
		assertThat(entries)
			.isSortedAccordingTo(Comparator.comparing(LogEntry::timestamp).thenComparing(LogEntry::id).reversed());
		return entries;
	}

	private void inTransaction(Consumer<EntityManager> work) {
		this.transaction.executeWithoutResult((status) -> work.accept(this.entityManager));
	}

}
