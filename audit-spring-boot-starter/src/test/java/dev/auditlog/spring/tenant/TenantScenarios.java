package dev.auditlog.spring.tenant;

import java.util.List;
import java.util.function.Consumer;

import dev.auditlog.AuditLog;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.spring.TenantReadRestriction;
import dev.auditlog.spring.actuate.AuditlogEndpoint;
import dev.auditlog.spring.actuate.AuditlogEndpoint.EntriesDescriptor;
import dev.auditlog.spring.actuate.AuditlogEndpoint.EntryDescriptor;
import dev.auditlog.spring.actuate.AuditlogEndpointWebExtension;
import dev.auditlog.spring.actuate.AuditlogEndpointWebExtension.ErrorDescriptor;
import dev.auditlog.spring.actuate.AuditlogEndpoint.SummaryDescriptor;
import dev.auditlog.spring.testing.ExecutedStatements;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hibernate multi-tenancy: every entry records the tenant of the session that made the
 * change, without a read; the query API and the endpoint filter by tenant; with
 * {@code auditlog.tenant.restrict-reads} a reader sees only the entries of the tenant
 * Hibernate's resolver names, and the root tenant sees all. Run on each database by one
 * small subclass.
 */
@SpringBootTest(classes = TenantApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"management.endpoints.web.exposure.include=auditlog", "management.endpoint.auditlog.show-values=always",
				"auditlog.tenant.restrict-reads=true" })
abstract class TenantScenarios {

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditlogEndpointWebExtension endpoint;

	@Autowired
	ExecutedStatements statements;

	@BeforeEach
	void startEmpty() {
		TenantApplication.reset();
		this.jdbc.update("DELETE FROM tenant_note");
		this.jdbc.update("DELETE FROM auditlog_logentry");
		this.statements.reset();
	}

	@AfterEach
	void asRoot() {
		TenantApplication.reset();
	}

	@Test
	void everyEntryRecordsTheTenantOfItsSession() {
		as("acme", (em) -> em.persist(new Note(1L, "acme's")));
		as("globex", (em) -> em.persist(new Note(2L, "globex's")));
		as("acme", (em) -> em.find(Note.class, 1L).setText("acme's, changed"));
		assertThat(this.jdbc.queryForList("SELECT object_pk, action, tenant FROM auditlog_logentry ORDER BY id"))
			.extracting((row) -> row.get("object_pk") + "/" + row.get("tenant"))
			.containsExactly("1/acme", "2/globex", "1/acme");
		assertThat(this.auditLog.query(LogEntryQuery.builder().build()).entries()).extracting(LogEntry::tenant)
			.containsExactly("acme", "globex", "acme");
	}

	@Test
	void aSessionOpenedForATenantRecordsThatTenant() {
		SessionFactory sessionFactory = this.entityManagerFactory.unwrap(SessionFactory.class);
		try (Session session = sessionFactory.withOptions().tenantIdentifier("initech").openSession()) {
			session.getTransaction().begin();
			session.persist(new Note(3L, "initech's"));
			session.getTransaction().commit();
		}
		assertThat(this.jdbc.queryForObject("SELECT tenant FROM auditlog_logentry", String.class)).isEqualTo("initech");
	}

	@Test
	void anEntryLoggedByHandOutsideATransactionRecordsTheCurrentTenant() {
		as("acme", (em) -> em.persist(new Note(4L, "acme's")));
		TenantApplication.use("acme");
		Note note = this.transaction.execute((status) -> this.entityManager.find(Note.class, 4L));
		this.auditLog.logAccess(note);
		TenantApplication.reset();
		assertThat(this.jdbc.queryForList("SELECT action, tenant FROM auditlog_logentry ORDER BY id"))
			.extracting((row) -> ((Number) row.get("action")).intValue() + "/" + row.get("tenant"))
			.containsExactly("0/acme", "3/acme");
	}

	@Test
	void recordingTheTenantReadsNothing() {
		as("acme", (em) -> {
			for (long id = 10; id < 15; id++) {
				em.persist(new Note(id, "note " + id));
			}
		});
		List<String> statements = this.statements.all();
		assertThat(statements).as("%s", statements).noneMatch((sql) -> sql.startsWith("select"));
		assertThat(statements).as("%s", statements)
			.filteredOn((sql) -> sql.contains("auditlog_logentry"))
			.singleElement()
			.satisfies((sql) -> assertThat(sql).startsWith("insert"));
		assertThat(this.jdbc.queryForList("SELECT DISTINCT tenant FROM auditlog_logentry", String.class))
			.containsExactly("acme");
	}

	@Test
	void theQueryApiFiltersByTenant() {
		writeNotesOfThreeTenants();
		assertThat(this.auditLog.query(LogEntryQuery.builder().tenant("acme").build()).entries())
			.extracting(LogEntry::objectPk)
			.containsExactly("11", "1");
		assertThat(this.auditLog.query(this.auditLog.forModel(Note.class).tenant("globex").build()).entries())
			.extracting(LogEntry::objectPk)
			.containsExactly("2");
		assertThat(this.auditLog.query(LogEntryQuery.builder().tenant("nobody").build()).entries()).isEmpty();
		assertThat(this.auditLog.query(LogEntryQuery.builder().build()).entries()).hasSize(4);
	}

	@Test
	void theEndpointFiltersByTenantAndShowsIt() {
		writeNotesOfThreeTenants();
		assertThat(page(null)).extracting(EntryDescriptor::tenant).containsExactly("initech", "acme", "globex", "acme");
		assertThat(page("acme")).extracting((entry) -> entry.objectPk() + "/" + entry.tenant())
			.containsExactly("11/acme", "1/acme");
		assertThat(page("nobody")).isEmpty();
	}

	@Test
	void aBadTenantParameterIsABadRequestNamingIt() {
		for (String bad : List.of(" ", "\t", "acme\u0000", "a\nb", "\uD800x")) {
			WebEndpointResponse<OperationResponseBody> response = entries(bad);
			assertThat(response.getStatus()).as("tenant '%s'", bad).isEqualTo(400);
			assertThat(((ErrorDescriptor) response.getBody()).parameter()).as("tenant '%s'", bad).isEqualTo("tenant");
		}
	}

	@Test
	void readsAreRestrictedToTheReadersTenant() {
		writeNotesOfThreeTenants();
		long globexEntry = this.jdbc.queryForObject("SELECT id FROM auditlog_logentry WHERE tenant = 'globex'",
				Long.class);
		long acmeEntry = this.jdbc.queryForObject("SELECT MIN(id) FROM auditlog_logentry WHERE tenant = 'acme'",
				Long.class);
		TenantApplication.use("acme");
		assertThat(this.auditLog.query(LogEntryQuery.builder().build()).entries()).extracting(LogEntry::tenant)
			.containsOnly("acme")
			.hasSize(2);
		assertThat(this.auditLog.query(LogEntryQuery.builder().tenant("globex").build()).entries()).isEmpty();
		assertThat(this.auditLog.find(globexEntry)).isEmpty();
		assertThat(this.auditLog.find(acmeEntry)).isPresent();
		assertThat(page(null)).extracting(EntryDescriptor::tenant).containsOnly("acme").hasSize(2);
		assertThat(page("acme")).hasSize(2);
		WebEndpointResponse<OperationResponseBody> other = entries("globex");
		assertThat(other.getStatus()).isEqualTo(403);
		assertThat(((ErrorDescriptor) other.getBody()).parameter()).isEqualTo("tenant");
		assertThat(this.endpoint
			.entry(SecurityContext.NONE, String.valueOf(globexEntry), null, null, null, null, null, null, null)
			.getStatus()).isEqualTo(404);
		SummaryDescriptor summary = (SummaryDescriptor) this.endpoint
			.entry(SecurityContext.NONE, "summary", null, null, null, null, null, null, null)
			.getBody();
		assertThat(summary.total()).isEqualTo(2);
		TenantApplication.use(TenantApplication.ROOT);
		assertThat(this.auditLog.find(globexEntry)).isPresent();
		assertThat(page(null)).hasSize(4);
	}

	@Test
	void aRestrictedReaderCanNeitherDeleteNorVerifyEveryTenantsEntries() {
		writeNotesOfThreeTenants();
		TenantApplication.use("acme");
		String now = java.time.Instant.now().toString();
		WebEndpointResponse<OperationResponseBody> delete = this.endpoint.delete(now);
		assertThat(delete.getStatus()).isEqualTo(403);
		assertThat(((ErrorDescriptor) delete.getBody()).parameter()).isEqualTo("tenant");
		WebEndpointResponse<OperationResponseBody> verify = this.endpoint.entry(SecurityContext.NONE, "verify", null,
				null, null, null, null, null, null);
		assertThat(verify.getStatus()).isEqualTo(403);
		assertThat(((ErrorDescriptor) verify.getBody()).message()).contains("every tenant");
		TenantApplication.use(TenantApplication.ROOT);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_logentry", Long.class)).isEqualTo(4);
		assertThat(this.endpoint.delete(now).getStatus()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_logentry", Long.class)).isZero();
	}

	@Test
	void aReaderWithoutATenantReadsNothing() {
		writeNotesOfThreeTenants();
		TenantApplication.use(null);
		try {
			assertThatExceptionOfType(TenantReadRestriction.UnknownTenantException.class)
				.isThrownBy(() -> this.auditLog.query(LogEntryQuery.builder().build()));
			WebEndpointResponse<OperationResponseBody> page = entries(null);
			assertThat(page.getStatus()).isEqualTo(403);
			assertThat(((ErrorDescriptor) page.getBody()).parameter()).isEqualTo("tenant");
			assertThat(this.endpoint.delete(java.time.Instant.now().toString()).getStatus()).isEqualTo(403);
			assertThat(this.endpoint.entry(SecurityContext.NONE, "summary", null, null, null, null, null, null, null)
				.getStatus()).isEqualTo(403);
		}
		finally {
			TenantApplication.reset();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_logentry", Long.class)).isEqualTo(4);
	}

	@Test
	void anObjectsHistoryIsReadForTheReadersTenant() {
		writeNotesOfThreeTenants();
		TenantApplication.use("acme");
		Note note = this.transaction.execute((status) -> this.entityManager.find(Note.class, 1L));
		assertThat(this.auditLog.history(note)).extracting(LogEntry::tenant).containsExactly("acme");
		TenantApplication.use("globex");
		assertThat(this.auditLog.query(LogEntryQuery.builder().model("Note").objectPk("1").build()).entries())
			.isEmpty();
	}

	/**
	 * Note 1 and 11 of acme, 2 of globex, 3 of initech, one entry each, in this order.
	 */
	private void writeNotesOfThreeTenants() {
		as("acme", (em) -> em.persist(new Note(1L, "a")));
		as("globex", (em) -> em.persist(new Note(2L, "g")));
		as("acme", (em) -> em.persist(new Note(11L, "a2")));
		as("initech", (em) -> em.persist(new Note(3L, "i")));
		TenantApplication.reset();
	}

	private List<EntryDescriptor> page(String tenant) {
		WebEndpointResponse<OperationResponseBody> response = entries(tenant);
		assertThat(response.getStatus()).as("%s", response.getBody()).isEqualTo(200);
		return ((EntriesDescriptor) response.getBody()).entries();
	}

	private WebEndpointResponse<OperationResponseBody> entries(String tenant) {
		return this.endpoint.entries(SecurityContext.NONE, null, null, null, null, null, null, null, null, null, null,
				null, null, tenant);
	}

	private void as(String tenant, Consumer<EntityManager> work) {
		TenantApplication.use(tenant);
		try {
			this.transaction.executeWithoutResult((status) -> work.accept(this.entityManager));
		}
		finally {
			TenantApplication.reset();
		}
	}

}
