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
 * Shows with {@code EXPLAIN} on PostgreSQL, over 50,000 entries, that the queries the
 * repository really sends are index scans in the order of the page, without a sort: an
 * object's history, a model over time, a time range, and the next page of each. (The
 * benchmark repeats this at a million rows.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIndexUsageTests {

	private static final Logger logger = LoggerFactory.getLogger(PostgresIndexUsageTests.class);

	private static final int ROWS = 50_000;

	private static final Instant NEWEST = Instant.parse("2026-03-10T12:00:00Z");

	private final SentQueries sent = new SentQueries();

	private JdbcTemplate jdbc;

	private JdbcLogEntryRepository repository;

	@BeforeAll
	void fillAndAnalyze() throws Exception {
		TestDatabase database = TestDatabase.postgres("auditlog_index_usage");
		DataSource plain = new DriverManagerDataSource(database.url(), database.username(), database.password());
		new AuditlogSchemaMigration(plain).afterPropertiesSet();
		this.jdbc = new JdbcTemplate(plain);
		// 20 models, 5,000 objects of 10 entries each, one entry a second going back
		this.jdbc.update("INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, object_repr, "
				+ "changes, actor, cid) SELECT CAST(? AS timestamptz) - make_interval(secs => i), i % 4, "
				+ "'Model' || (i % 20), CAST(i % 5000 AS varchar), i % 5000, 'Object ' || (i % 5000), "
				+ "CAST('{\"name\": [\"a\", \"b\"]}' AS jsonb), 'user' || (i % 50), 'cid-' || (i / 10) "
				+ "FROM generate_series(1, ?) AS i", NEWEST.toString(), ROWS);
		this.jdbc.execute("ANALYZE auditlog_logentry");
		DataSource recording = this.sent.recording(plain);
		this.repository = new JdbcLogEntryRepository(recording, 10_000);
	}

	@Test
	void historyOfAnObjectIsAnIndexScanWithoutSort() {
		LogEntryQuery history = LogEntryQuery.builder().model("Model7").objectPk("1007").limit(5).build();
		assertIndexScanInPageOrder(history, "auditlog_logentry_object_history_idx");
	}

	@Test
	void modelOverTimeIsAnIndexScanWithoutSort() {
		LogEntryQuery model = LogEntryQuery.builder().model("Model7").build();
		assertIndexScanInPageOrder(model, "auditlog_logentry_model_timestamp_idx");
		LogEntryQuery modelInRange = LogEntryQuery.builder()
			.model("Model7")
			.from(NEWEST.minusSeconds(20_000))
			.to(NEWEST.minusSeconds(10_000))
			.build();
		assertIndexScanInPageOrder(modelInRange, "auditlog_logentry_model_timestamp_idx");
	}

	@Test
	void allEntriesAndTimeRangesAreAnIndexScanWithoutSort() {
		assertIndexScanInPageOrder(LogEntryQuery.builder().build(), "auditlog_logentry_timestamp_id_idx");
		LogEntryQuery range = LogEntryQuery.builder()
			.from(NEWEST.minusSeconds(30_000))
			.to(NEWEST.minusSeconds(29_000))
			.build();
		assertIndexScanInPageOrder(range, "auditlog_logentry_timestamp_id_idx");
	}

	@Test
	void actorIsAnIndexScanWithoutSort() {
		assertIndexScanInPageOrder(LogEntryQuery.builder().actor("user7").build(),
				"auditlog_logentry_actor_timestamp_idx");
	}

	/**
	 * Run the query's first and second page, and explain the page queries exactly as they
	 * were sent, with their parameters.
	 */
	private void assertIndexScanInPageOrder(LogEntryQuery query, String index) {
		this.sent.clear();
		LogEntryPage first = this.repository.query(query);
		assertThat(first.next()).as("a second page").isNotNull();
		this.repository.query(query.toBuilder().before(first.next()).build());
		List<QueryInfo> pages = this.sent.all()
			.stream()
			.filter((info) -> info.getQuery().contains("ORDER BY timestamp DESC"))
			.toList();
		assertThat(pages).hasSize(2);
		for (QueryInfo page : pages) {
			String plan = explain(page);
			logger.info("EXPLAIN {}\n{}", page.getQuery(), plan);
			assertThat(plan).as(plan).contains("Index Scan Backward using " + index);
			assertThat(plan).as(plan).doesNotContain("Sort").doesNotContain("Seq Scan");
		}
	}

	private String explain(QueryInfo query) {
		return SentQueries.explain(this.jdbc, "EXPLAIN", query);
	}

}
