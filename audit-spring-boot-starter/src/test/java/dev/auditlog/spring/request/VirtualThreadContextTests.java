package dev.auditlog.spring.request;

import java.util.concurrent.TimeUnit;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.threads.virtual.enabled}, {@code @Async} work runs on virtual
 * threads and still carries the audit context. Virtual threads exist from Java 21: the
 * build's baseline is 17, so {@code .ci/run} runs this class again on Java 25.
 */
@SpringBootTest(classes = RequestApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.threads.virtual.enabled=true" })
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadContextTests {

	private static TestDatabase database;

	@Autowired
	AccountRepository accounts;

	@Autowired
	RequestApplication.AccountService service;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_virtual_threads");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
	}

	@Test
	void asyncWorkOnVirtualThreadsCarriesTheContext() throws Exception {
		long id;
		try (AuditContext.Scope off = AuditContext.disabled()) {
			id = this.accounts.save(new Account("Ada")).getId();
		}
		String thread;
		try (AuditContext.Scope actor = AuditContext.withActor("virtual-importer");
				AuditContext.Scope cid = AuditContext.withCid("vt-1")) {
			thread = this.service.renameAsync(id, "renamed").get(10, TimeUnit.SECONDS);
		}
		assertThat(thread).startsWith("VirtualThread");
		assertThat(this.jdbc.queryForMap(
				"SELECT actor, cid FROM auditlog_logentry WHERE object_pk = ? ORDER BY id DESC " + "LIMIT 1",
				Long.toString(id)))
			.containsEntry("actor", "virtual-importer")
			.containsEntry("cid", "vt-1");
	}

}
