package dev.auditlog.spring.units;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.actuate.AuditlogEndpoint;
import dev.auditlog.spring.actuate.AuditlogEndpoint.BadParameterException;
import dev.auditlog.spring.query.LogEntryDatabases;
import dev.auditlog.spring.testdb.TestDatabase;
import dev.auditlog.spring.units.legacy.LegacyCustomer;
import dev.auditlog.spring.units.primary.Booking;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Two databases in one application: each persistence unit's entries are written into its
 * own database in its own transaction, its audit tables are created there at startup, and
 * its entries are read from there. A subclass per pair of databases supplies them.
 */
@SpringBootTest(classes = UnitsApplication.class,
		properties = { "spring.jpa.open-in-view=false", "management.endpoints.web.exposure.include=auditlog" })
abstract class UnitScenarios {

	@Autowired
	AuditLog auditLog;

	@Autowired
	@Qualifier("primaryDataSource")
	DataSource primaryDataSource;

	@Autowired
	@Qualifier("legacyDataSource")
	DataSource legacyDataSource;

	@Autowired
	@Qualifier("entityManagerFactory")
	EntityManagerFactory primaryEntityManagerFactory;

	@Autowired
	@Qualifier("legacyEntityManagerFactory")
	EntityManagerFactory legacyEntityManagerFactory;

	@Autowired
	@Qualifier("transactionManager")
	PlatformTransactionManager primaryTransactionManager;

	@Autowired
	@Qualifier("legacyTransactionManager")
	PlatformTransactionManager legacyTransactionManager;

	@Autowired
	LogEntryDatabases databases;

	@Autowired
	AuditlogEndpoint endpoint;

	JdbcTemplate primary;

	JdbcTemplate legacy;

	static void register(DynamicPropertyRegistry registry, TestDatabase primary, TestDatabase legacy) {
		register(registry, "primary", primary);
		register(registry, "legacy", legacy);
	}

	static void register(DynamicPropertyRegistry registry, String unit, TestDatabase database) {
		registry.add("units." + unit + ".url", database::url);
		registry.add("units." + unit + ".username", database::username);
		registry.add("units." + unit + ".password", database::password);
	}

	@BeforeEach
	void startEmpty() {
		this.primary = new JdbcTemplate(this.primaryDataSource);
		this.legacy = new JdbcTemplate(this.legacyDataSource);
		this.primary.update("DELETE FROM booking");
		this.primary.update("DELETE FROM auditlog_logentry");
		this.legacy.update("DELETE FROM legacy_customer");
		this.legacy.update("DELETE FROM auditlog_logentry");
	}

	@Test
	void eachUnitWritesItsEntriesIntoItsOwnDatabaseInItsOwnTransaction() {
		inLegacy((em) -> em.persist(new LegacyCustomer(1L, "Ann")));
		inPrimary((em) -> em.persist(new Booking(1L, "101")));
		assertThat(this.legacy.queryForObject("SELECT count(*) FROM legacy_customer", Integer.class)).isOne();
		assertThat(this.legacy.queryForList("SELECT model FROM auditlog_logentry", String.class))
			.containsExactly("LegacyCustomer");
		assertThat(this.primary.queryForList("SELECT model FROM auditlog_logentry", String.class))
			.containsExactly("Booking");
	}

	@Test
	void theAuditTablesOfTheSecondDatabaseAreCreatedAtStartup() {
		// Hibernate creates the unit's own tables only
		assertThat(this.legacy.queryForObject("SELECT count(*) FROM auditlog_logentry", Integer.class)).isZero();
	}

	@Test
	void historyAndQueriesReadTheDatabaseOfTheUnitThatMapsTheEntity() {
		LegacyCustomer customer = new LegacyCustomer(1L, "Ann");
		Booking booking = new Booking(1L, "101");
		inLegacy((em) -> em.persist(customer));
		inLegacy((em) -> em.find(LegacyCustomer.class, 1L).setName("Anne"));
		inPrimary((em) -> em.persist(booking));
		List<LogEntry> history = this.auditLog.history(customer);
		assertThat(history).extracting(LogEntry::action).containsExactly(Action.UPDATE, Action.CREATE);
		assertThat(history).extracting(LogEntry::model).containsOnly("LegacyCustomer");
		assertThat(history.get(0).changes().get("name")).isEqualTo(new ValueChange("Ann", "Anne"));
		assertThat(this.auditLog.history(booking)).extracting(LogEntry::model).containsExactly("Booking");
		assertThat(this.auditLog.query(this.auditLog.forModel(LegacyCustomer.class).build()).entries()).hasSize(2);
		assertThat(this.auditLog.query(this.auditLog.forModel(Booking.class).build()).entries()).hasSize(1);
	}

	@Test
	void aSuperclassOfModelsOfBothDatabasesIsRefusedWithAMessage() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.auditLog.query(this.auditLog.forModel(Stamped.class).build()))
			.withMessageContaining("stands for audited models of several persistence units")
			.withMessageContaining("EntityManagerFactory 'entityManagerFactory': Booking")
			.withMessageContaining("EntityManagerFactory 'legacyEntityManagerFactory': LegacyCustomer");
		assertThatExceptionOfType(BadParameterException.class)
			.isThrownBy(() -> this.endpoint.entries(SecurityContext.NONE, "Stamped", null, null, null, null, null, null,
					null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("model"));
	}

	@Test
	void aRolledBackTransactionOfTheSecondUnitLeavesNoEntry() {
		assertThatIllegalStateException().isThrownBy(() -> inLegacy((em) -> {
			em.persist(new LegacyCustomer(1L, "Ann"));
			em.flush();
			throw new IllegalStateException("rolled back");
		}));
		assertThat(this.legacy.queryForObject("SELECT count(*) FROM legacy_customer", Integer.class)).isZero();
		assertThat(this.legacy.queryForObject("SELECT count(*) FROM auditlog_logentry", Integer.class)).isZero();
	}

	@Test
	void entriesLoggedByHandGoIntoTheDatabaseOfTheEntitysUnit() {
		inLegacy((em) -> em.persist(new LegacyCustomer(1L, "Ann")));
		inLegacy((em) -> this.auditLog.log(em.find(LegacyCustomer.class, 1L), Action.UPDATE,
				Changes.of(Map.of("name", new ValueChange("Ann", "Ann B."))), Map.of("source", "import")));
		this.auditLog.logBulkUpdate(LegacyCustomer.class, List.of(1L),
				Map.of("name", new ValueChange("Ann B.", "Ann C.")));
		assertThat(this.legacy.queryForObject("SELECT count(*) FROM auditlog_logentry", Integer.class)).isEqualTo(3);
		assertThat(this.primary.queryForObject("SELECT count(*) FROM auditlog_logentry", Integer.class)).isZero();
	}

	@Test
	void flushDeletesTheEntriesOfEveryDatabase() {
		inLegacy((em) -> em.persist(new LegacyCustomer(1L, "Ann")));
		inPrimary((em) -> em.persist(new Booking(1L, "101")));
		assertThat(this.databases.repositories()).hasSize(2);
		assertThat(this.auditLog.flush(Instant.now().plusSeconds(60))).isEqualTo(2);
		assertThat(this.legacy.queryForObject("SELECT count(*) FROM auditlog_logentry", Integer.class)).isZero();
		assertThat(this.primary.queryForObject("SELECT count(*) FROM auditlog_logentry", Integer.class)).isZero();
	}

	private void inLegacy(Consumer<EntityManager> work) {
		inTransaction(this.legacyTransactionManager, this.legacyEntityManagerFactory, work);
	}

	private void inPrimary(Consumer<EntityManager> work) {
		inTransaction(this.primaryTransactionManager, this.primaryEntityManagerFactory, work);
	}

	private static void inTransaction(PlatformTransactionManager transactionManager,
			EntityManagerFactory entityManagerFactory, Consumer<EntityManager> work) {
		new TransactionTemplate(transactionManager).executeWithoutResult(
				(status) -> work.accept(EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory)));
	}

}
