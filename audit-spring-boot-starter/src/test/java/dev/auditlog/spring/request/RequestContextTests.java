package dev.auditlog.spring.request;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.Changes;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.testdb.TestDatabase;
import io.micrometer.context.ContextSnapshotFactory;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who, from where and which request, through the whole web stack with Spring Security, on
 * PostgreSQL.
 */
@SpringBootTest(classes = RequestApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false" })
@AutoConfigureMockMvc
class RequestContextTests {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static TestDatabase database;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AccountRepository accounts;

	@Autowired
	RequestApplication.AccountService service;

	@Autowired
	AuditLog auditLog;

	@Autowired
	EntityManager entityManager;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	AsyncTaskExecutor executor;

	long accountId;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_request_scenarios");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
	}

	@BeforeEach
	void oneAccount() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			this.jdbc.update("DELETE FROM account");
			this.jdbc.update("DELETE FROM secret");
			this.jdbc.update("DELETE FROM auditlog_logentry");
			this.accountId = this.accounts.save(new Account("Ada")).getId();
		}
	}

	@Test
	void requestOfAliceWithACorrelationIdIsRecordedWithHerAddressAndTheId() throws Exception {
		MvcResult result = this.mvc
			.perform(put("/accounts/{id}", this.accountId).param("name", "Ada Lovelace")
				.header("X-Correlation-ID", "abc-1")
				.with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getHeader("X-Correlation-ID")).isEqualTo("abc-1");
		Map<String, Object> row = lastEntry();
		assertThat(row).containsEntry("actor", "alice")
			.containsEntry("cid", "abc-1")
			.containsEntry("remote_addr", "127.0.0.1");
	}

	@Test
	void formLoginActorIsRecorded() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc.perform(formLogin().user("bob").password("bob-pw"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(put("/accounts/{id}", this.accountId).param("name", "Bob's").session(session))
			.andExpect(status().isOk());
		assertThat(lastEntry()).containsEntry("actor", "bob");
	}

	@Test
	void bearerTokenActorIsRecorded() throws Exception {
		this.mvc
			.perform(put("/accounts/{id}", this.accountId).param("name", "Carol's")
				.header("Authorization", "Bearer token-carol"))
			.andExpect(status().isOk());
		assertThat(lastEntry()).containsEntry("actor", "carol");
	}

	@Test
	@WithMockUser("dave")
	void mockUserActorIsRecorded() throws Exception {
		this.mvc.perform(put("/accounts/{id}", this.accountId).param("name", "Dave's")).andExpect(status().isOk());
		assertThat(lastEntry()).containsEntry("actor", "dave");
	}

	@Test
	void anonymousActorIsNull() throws Exception {
		this.mvc.perform(put("/public/accounts/{id}", this.accountId).param("name", "Anon")).andExpect(status().isOk());
		assertThat(lastEntry()).containsEntry("actor", null);
	}

	@Test
	void loginDuringTheRequestChangesTheActorOfLaterChanges() throws Exception {
		this.mvc.perform(put("/public/accounts/{id}/login-then-rename", this.accountId).param("name", "Erin"))
			.andExpect(status().isOk());
		List<Map<String, Object>> rows = entries();
		assertThat(rows).extracting((row) -> row.get("actor")).endsWith(null, "erin");
		assertThat(rows.get(rows.size() - 1).get("cid")).isEqualTo(rows.get(rows.size() - 2).get("cid"));
	}

	@Test
	void missingCorrelationIdIsGeneratedAndEchoed() throws Exception {
		MvcResult result = this.mvc
			.perform(put("/accounts/{id}", this.accountId).param("name", "x").with(httpBasic("alice", "alice-pw")))
			.andReturn();
		String cid = result.getResponse().getHeader("X-Correlation-ID");
		assertThat(cid).matches(UUID_PATTERN);
		assertThat(lastEntry()).containsEntry("cid", cid);
	}

	@Test
	void unsafeCorrelationIdsAreReplaced() throws Exception {
		for (String unsafe : List.of("abc\r\nX-Injected: 1", "x".repeat(256), "<script>", "a b")) {
			MvcResult result = this.mvc
				.perform(put("/accounts/{id}", this.accountId).param("name", "n" + unsafe.length())
					.header("X-Correlation-ID", unsafe)
					.with(httpBasic("alice", "alice-pw")))
				.andReturn();
			String cid = result.getResponse().getHeader("X-Correlation-ID");
			assertThat(cid).as("replacement of %s", unsafe).matches(UUID_PATTERN);
			assertThat(lastEntry()).containsEntry("cid", cid);
		}
	}

	@Test
	void forwardedForHeaderIsNotTrustedByDefault() throws Exception {
		this.mvc
			.perform(put("/accounts/{id}", this.accountId).param("name", "x")
				.header("X-Forwarded-For", "203.0.113.9")
				.with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk());
		assertThat(lastEntry()).containsEntry("remote_addr", "127.0.0.1");
	}

	@Test
	void ipv6ClientAddressIsRecorded() throws Exception {
		this.mvc.perform(put("/accounts/{id}", this.accountId).param("name", "x").with((request) -> {
			request.setRemoteAddr("2001:db8::7");
			return request;
		}).with(httpBasic("alice", "alice-pw"))).andExpect(status().isOk());
		assertThat(lastEntry()).containsEntry("remote_addr", "2001:db8::7");
	}

	@Test
	void asyncMethodsAndExecutorsCarryTheContext() throws Exception {
		try (AuditContext.Scope actor = AuditContext.withActor("importer");
				AuditContext.Scope cid = AuditContext.withCid("job-7")) {
			this.service.renameAsync(this.accountId, "async").get(10, TimeUnit.SECONDS);
			assertThat(lastEntry()).containsEntry("actor", "importer").containsEntry("cid", "job-7");
			CompletableFuture.supplyAsync(() -> this.service.rename(this.accountId, "future"), this.executor)
				.get(10, TimeUnit.SECONDS);
			assertThat(lastEntry()).containsEntry("actor", "importer").containsEntry("cid", "job-7");
			try (AuditContext.Scope off = AuditContext.disabled()) {
				this.service.renameAsync(this.accountId, "not logged").get(10, TimeUnit.SECONDS);
			}
			assertThat(lastEntry()).containsEntry("object_repr", "Account future");
		}
	}

	@Test
	void micrometerContextPropagationCarriesTheContext() throws Exception {
		Runnable task;
		try (AuditContext.Scope actor = AuditContext.withActor("propagated")) {
			task = ContextSnapshotFactory.builder().build().captureAll().wrap(() -> {
				assertThat(AuditContext.actor()).isEqualTo("propagated");
				this.service.rename(this.accountId, "propagated");
			});
		}
		Thread thread = new Thread(task);
		thread.start();
		thread.join(10_000);
		assertThat(lastEntry()).containsEntry("actor", "propagated");
	}

	@Test
	void springDataStampsCreatorAndModifierWithTheSameActor() throws Exception {
		this.mvc.perform(put("/accounts/{id}", this.accountId).param("name", "x").with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk());
		assertThat(this.accounts.findById(this.accountId).orElseThrow().getLastModifiedBy()).isEqualTo("alice");
		try (AuditContext.Scope actor = AuditContext.withActor("system")) {
			assertThat(this.accounts.save(new Account("Stamped")).getCreatedBy()).isEqualTo("system");
		}
	}

	@Test
	void auditAccessLogsReadsOfReturnedEntities() throws Exception {
		this.mvc.perform(get("/accounts/{id}", this.accountId).with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk());
		assertThat(lastEntry()).containsEntry("action", 3).containsEntry("actor", "alice");
		try (AuditContext.Scope off = AuditContext.disabled()) {
			this.accounts.save(new Account("Second"));
		}
		int before = entries().size();
		this.mvc.perform(get("/accounts").with(httpBasic("alice", "alice-pw"))).andExpect(status().isOk());
		assertThat(entries()).hasSize(before + 2);
	}

	@Test
	void auditAccessRespectsTheModelsActions() throws Exception {
		long secretId = this.transaction.execute((status) -> {
			Secret secret = new Secret("s3cr3t");
			this.entityManager.persist(secret);
			return secret.getId();
		});
		int before = entries().size();
		this.mvc.perform(get("/secrets/{id}", secretId).with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk());
		assertThat(entries()).hasSize(before);
	}

	@Test
	void manualEntriesJoinTheCallersTransaction() {
		Account account = this.accounts.findById(this.accountId).orElseThrow();
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("UPDATE account SET status = 'CLOSED' WHERE id = ?", this.accountId);
			this.auditLog.log(account, Action.UPDATE, Changes.of(Map.of("status", new ValueChange("OPEN", "CLOSED"))),
					Map.of("source", "native SQL"));
		});
		Map<String, Object> row = lastEntry();
		assertThat(row.get("changes").toString()).contains("CLOSED");
		assertThat(row.get("additional_data").toString()).contains("native SQL");
		int before = entries().size();
		assertThatException().isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
			this.auditLog.log(account, Action.UPDATE, Changes.of(Map.of("status", new ValueChange("CLOSED", "OPEN"))),
					null);
			throw new IllegalStateException("rolled back");
		}));
		assertThat(entries()).hasSize(before);
	}

	@Test
	void bulkUpdatesAreLoggedPerRowInOneBatch() {
		long other;
		try (AuditContext.Scope off = AuditContext.disabled()) {
			other = this.accounts.save(new Account("Other")).getId();
		}
		int before = entries().size();
		this.transaction.executeWithoutResult((status) -> {
			int updated = this.jdbc.update("UPDATE account SET status = 'CLOSED'");
			assertThat(updated).isEqualTo(2);
			assertThat(this.auditLog.logBulkUpdate(Account.class, List.of(this.accountId, other),
					Map.of("status", new ValueChange("OPEN", "CLOSED"))))
				.isEqualTo(2);
		});
		List<Map<String, Object>> rows = entries();
		assertThat(rows).hasSize(before + 2);
		assertThat(rows.subList(before, rows.size())).extracting((row) -> row.get("object_pk"))
			.containsExactlyInAnyOrder(Long.toString(this.accountId), Long.toString(other));
		assertThatException().isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
			this.auditLog.logBulkUpdate(Account.class, List.of(this.accountId),
					Map.of("status", new ValueChange("CLOSED", "OPEN")));
			throw new IllegalStateException("rolled back");
		}));
		assertThat(entries()).hasSize(before + 2);
	}

	@Test
	void exportsAreRecordedAsEvents() {
		this.jdbc.update("DELETE FROM auditlog_event");
		try (AuditContext.Scope actor = AuditContext.withActor("reporter");
				AuditContext.Scope cid = AuditContext.withCid("export-1")) {
			this.auditLog.logExport("accounts", "csv", 3, 1024, Map.of("status", "OPEN"));
		}
		Map<String, Object> event = this.jdbc.queryForMap("SELECT * FROM auditlog_event WHERE type = 'DATA_EXPORT'");
		assertThat(event).containsEntry("principal", "reporter").containsEntry("cid", "export-1");
		assertThat(event.get("data").toString()).contains("\"recordCount\": 3", "\"format\": \"csv\"", "OPEN");
	}

	@Test
	void failedRequestsLoginsAndLogoutsAreRecordedAsEvents() throws Exception {
		this.jdbc.update("DELETE FROM auditlog_event");
		assertThatException().isThrownBy(() -> this.mvc.perform(get("/public/fail").header("X-Correlation-ID", "f-1")));
		this.mvc.perform(get("/accounts").with(httpBasic("alice", "wrong"))).andExpect(status().isUnauthorized());
		MockHttpSession session = (MockHttpSession) this.mvc.perform(formLogin().user("bob").password("bob-pw"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(post("/logout").session(session));
		List<Map<String, Object>> events = this.jdbc.queryForList("SELECT * FROM auditlog_event ORDER BY id");
		assertThat(events).extracting((event) -> event.get("type"))
			.contains("REQUEST_ERROR", "AUTHENTICATION_FAILURE", "AUTHENTICATION_SUCCESS", "LOGOUT");
		Map<String, Object> error = events.stream()
			.filter((event) -> event.get("type").equals("REQUEST_ERROR"))
			.findFirst()
			.orElseThrow();
		assertThat(error).containsEntry("cid", "f-1").containsEntry("remote_addr", "127.0.0.1");
		assertThat(error.get("data").toString()).contains("/public/fail", "IllegalStateException");
		assertThat(events).filteredOn((event) -> event.get("type").equals("AUTHENTICATION_FAILURE"))
			.extracting((event) -> event.get("principal"))
			.containsExactly("alice");
		assertThat(events).filteredOn((event) -> event.get("type").equals("LOGOUT"))
			.extracting((event) -> event.get("principal"))
			.containsExactly("bob");
	}

	@Test
	void manualEntryOutsideATransactionIsWrittenAtOnce() {
		Account account = this.accounts.findById(this.accountId).orElseThrow();
		this.auditLog.logAccess(account);
		assertThat(lastEntry()).containsEntry("action", 3);
	}

	private List<Map<String, Object>> entries() {
		return this.jdbc.queryForList("SELECT * FROM auditlog_logentry ORDER BY id");
	}

	private Map<String, Object> lastEntry() {
		List<Map<String, Object>> rows = entries();
		assertThat(rows).isNotEmpty();
		Map<String, Object> row = rows.get(rows.size() - 1);
		row.put("action", ((Number) row.get("action")).intValue());
		return row;
	}

}
