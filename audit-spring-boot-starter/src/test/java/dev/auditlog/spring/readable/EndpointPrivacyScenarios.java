package dev.auditlog.spring.readable;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.testdb.TestDatabase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.auditlog.spring.readable.ReadableHttpSupport.get;
import static dev.auditlog.spring.readable.ReadableHttpSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a caller of {@code /actuator/auditlog} is shown, and the one event a failing
 * request records, over HTTP with every endpoint exposed, on PostgreSQL. A subclass runs
 * it with and one without Spring Security.
 */
@SpringBootTest(classes = ReadableApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"management.endpoints.web.exposure.include=*" })
abstract class EndpointPrivacyScenarios {

	static final String MASK = "******";

	private static TestDatabase database;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	long visitId;

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_readable_http");
		}
		database.register(registry);
	}

	@BeforeEach
	void oneVisitChangedByAlice() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			this.jdbc.update("DELETE FROM visit");
			this.jdbc.update("DELETE FROM auditlog_logentry");
			this.jdbc.update("DELETE FROM auditlog_event");
		}
		try (AuditContext.Scope alice = AuditContext.withActor("alice");
				AuditContext.Scope from = AuditContext.withRemoteAddr("192.0.2.7")) {
			this.visitId = this.transaction.execute((status) -> {
				Visit visit = new Visit("rabies shot", "6085551023");
				this.entityManager.persist(visit);
				return visit.getId();
			});
			this.transaction.executeWithoutResult(
					(status) -> this.entityManager.find(Visit.class, this.visitId).setTelephone("6085551749"));
		}
	}

	@Test
	void oneFailingRequestRecordsOneEventWithItsCorrelationIdAndAddress() throws Exception {
		HttpResponse<String> response = get(this.port, "/oups", null, "X-Correlation-ID", "cid-oups-1");
		assertThat(response.statusCode()).isEqualTo(500);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT count(*) FROM auditlog_event WHERE type = 'REQUEST_ERROR'",
					Integer.class) > 0);
		List<Map<String, Object>> events = this.jdbc
			.queryForList("SELECT cid, remote_addr, data FROM auditlog_event WHERE type = 'REQUEST_ERROR'");
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).containsEntry("cid", "cid-oups-1").containsEntry("remote_addr", "127.0.0.1");
		assertThat(String.valueOf(events.get(0).get("data"))).contains("\"/oups\"")
			.contains("java.lang.IllegalStateException")
			.doesNotContain("/error");
	}

	@Test
	void anonymousCallerSeesKeysAndFieldNamesButNoValues() throws Exception {
		JsonNode page = json(get(this.port, "/actuator/auditlog?model=Visit", null));
		assertThat(page.get("entries")).hasSize(2);
		for (JsonNode entry : page.get("entries")) {
			assertMasked(entry);
		}
		JsonNode one = json(
				get(this.port, "/actuator/auditlog/" + page.get("entries").get(0).get("id").asLong(), null));
		assertMasked(one);
		assertThat(one.get("changes").get("telephone").get(0).asString()).isEqualTo(MASK);
	}

	@Test
	void anonymousCallerSeesNoActorInTheSummaryAndCannotFilterByActor() throws Exception {
		JsonNode summary = json(get(this.port, "/actuator/auditlog/summary", null));
		assertThat(summary.get("total").asLong()).isEqualTo(2);
		assertThat(summary.get("models").get("Visit").asLong()).isEqualTo(2);
		assertThat(summary.get("actors").propertyNames()).containsExactly(MASK);
		assertThat(summary.toString()).doesNotContain("alice");
		assertThat(get(this.port, "/actuator/auditlog?actor=alice", null).statusCode()).isEqualTo(403);
		assertThat(get(this.port, "/actuator/auditlog/summary?actor=alice", null).statusCode()).isEqualTo(403);
	}

	void assertMasked(JsonNode entry) {
		assertThat(entry.get("model").asString()).isEqualTo("Visit");
		assertThat(entry.get("objectPk").asString()).isEqualTo(String.valueOf(this.visitId));
		assertThat(entry.get("objectId").asLong()).isEqualTo(this.visitId);
		assertThat(entry.get("action").asString()).isIn("CREATE", "UPDATE");
		assertThat(entry.get("timestamp").asString()).endsWith("Z");
		assertThat(entry.get("objectRepr").asString()).isEqualTo(MASK);
		assertThat(entry.get("actor").asString()).isEqualTo(MASK);
		assertThat(entry.get("remoteAddr").asString()).isEqualTo(MASK);
		assertThat(entry.get("changes").propertyNames()).contains("telephone");
		assertThat(entry.get("changesDisplay").propertyNames()).contains("Telephone");
		assertThat(entry.get("changesText").asString()).contains("telephone: ").contains(MASK);
		assertThat(entry.toString()).doesNotContain("6085551023")
			.doesNotContain("6085551749")
			.doesNotContain("rabies")
			.doesNotContain("alice")
			.doesNotContain("192.0.2.7");
	}

}
