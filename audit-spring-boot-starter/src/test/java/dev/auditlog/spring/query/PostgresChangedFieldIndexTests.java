package dev.auditlog.spring.query;

import java.time.Instant;

import java.util.List;

import javax.sql.DataSource;

import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;
import dev.auditlog.spring.testdb.TestDatabase;

import net.ttddyy.dsproxy.QueryInfo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shows with {@code EXPLAIN} on PostgreSQL, over 50,000 entries of which few changed
 * {@code status}, that a search by changed field — by name, and by new value — is served
 * by the GIN index of the {@code V7} migration rather than by reading every entry, and
 * that it finds exactly those entries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresChangedFieldIndexTests {

	private static final Logger logger = LoggerFactory.getLogger(PostgresChangedFieldIndexTests.class);

	private static final int ROWS = 50_000;

	private static final Instant NEWEST = Instant.parse("2026-11-30T12:00:00Z");

	private final SentQueries sent = new SentQueries();

	private JdbcTemplate jdbc;

	private JdbcLogEntryRepository repository;

	@BeforeAll
	void fillAndAnalyze() throws Exception {
		TestDatabase database = TestDatabase.postgres("auditlog_changed_field_index");
		DataSource plain = new DriverManagerDataSource(database.url(), database.username(), database.password());
		new AuditlogSchemaMigration(plain).afterPropertiesSet();
		this.jdbc = new JdbcTemplate(plain);
		this.jdbc.update("DELETE FROM auditlog_logentry");
		// every 1,000th entry changed status, alternately to ACTIVE and to RETIRED
		this.jdbc.update(
				"INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, object_repr, "
						+ "changes, actor, cid) SELECT CAST(? AS timestamptz) - make_interval(secs => i), 1, "
						+ "'Model' || (i % 20), CAST(i % 5000 AS varchar), i % 5000, 'Object ' || (i % 5000), "
						+ "CASE WHEN i % 1000 = 0 THEN CAST('{\"status\": [\"DRAFT\", \"' || "
						+ "CASE WHEN i % 2000 = 0 THEN 'ACTIVE' ELSE 'RETIRED' END || '\"]}' AS jsonb) "
						+ "ELSE CAST('{\"name\": [\"a\", \"b\"], \"price\": [\"1.00\", \"2.00\"]}' AS jsonb) END, "
						+ "'user' || (i % 50), 'cid-' || (i / 10) FROM generate_series(1, ?) AS i",
				NEWEST.toString(), ROWS);
		this.jdbc.execute("ANALYZE auditlog_logentry");
		DataSource recording = this.sent.recording(plain);
		this.repository = new JdbcLogEntryRepository(recording, 10_000);
	}

	@Test
	void searchByChangedFieldUsesTheGinIndex() {
		LogEntryPage page = assertGinIndexScan(
				LogEntryQuery.builder().changedField("status").limit(LogEntryQuery.MAX_LIMIT).build());
		assertThat(page.entries()).hasSize(ROWS / 1000)
			.allSatisfy((entry) -> assertThat(entry.changes().fields()).containsExactly("status"));
	}

	@Test
	void searchByNewValueUsesTheGinIndex() {
		LogEntryPage page = assertGinIndexScan(LogEntryQuery.builder()
			.model("Model0")
			.changedTo("status", "ACTIVE")
			.limit(LogEntryQuery.MAX_LIMIT)
			.build());
		assertThat(page.entries()).hasSize(ROWS / 2000);
		LogEntryPage from = assertGinIndexScan(LogEntryQuery.builder()
			.model("Model0")
			.changedFrom("status", "DRAFT")
			.changedTo("status", "RETIRED")
			.limit(LogEntryQuery.MAX_LIMIT)
			.build());
		assertThat(from.entries()).hasSize(ROWS / 2000);
	}

	private LogEntryPage assertGinIndexScan(LogEntryQuery query) {
		this.sent.clear();
		LogEntryPage page = this.repository.query(query);
		List<QueryInfo> sent = this.sent.all()
			.stream()
			.filter((info) -> info.getQuery().contains("ORDER BY timestamp DESC"))
			.toList();
		assertThat(sent).hasSize(1);
		String plan = explain(sent.get(0));
		logger.info("EXPLAIN {}\n{}", sent.get(0).getQuery(), plan);
		assertThat(plan).as(plan).contains("auditlog_logentry_changes_idx").doesNotContain("Seq Scan");
		return page;
	}

	private String explain(QueryInfo query) {
		return SentQueries.explain(this.jdbc, "EXPLAIN", query);
	}

}
