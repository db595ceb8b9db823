package dev.auditlog.spring.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;
import dev.auditlog.spring.schema.LogEntryPartitions;
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
 * Shows with {@code EXPLAIN ANALYZE} on PostgreSQL, over 50,000 entries in five monthly
 * partitions (late November 2025 to March 2026), that every page query the repository
 * really sends to a partitioned table is an index scan, backward in the order of the
 * page, on the partition's copy of the index the plain table uses, and touches only the
 * partitions in range: those of a time range are the only ones planned, the cursor of a
 * next page prunes the newer months, and a page without a range reads its newest
 * partitions in order and stops ({@code never executed} for the older ones).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPartitionPruningTests {

	private static final Logger logger = LoggerFactory.getLogger(PostgresPartitionPruningTests.class);

	private static final int ROWS = 50_000;

	private static final Instant NEWEST = Instant.parse("2026-03-10T12:00:00Z");

	private static final Pattern SCAN = Pattern.compile(
			"(Index Scan Backward|Index Scan|Index Only Scan Backward|Index Only Scan) using (\\S+) on (\\S+)(.*)");

	private final SentQueries sent = new SentQueries();

	private JdbcTemplate jdbc;

	private JdbcLogEntryRepository repository;

	private Map<String, String> parentIndexes;

	@BeforeAll
	void fillAndAnalyze() throws Exception {
		TestDatabase database = TestDatabase.postgres("auditlog_partition_pruning");
		DataSource plain = new DriverManagerDataSource(database.url(), database.username(), database.password());
		new AuditlogSchemaMigration(plain).afterPropertiesSet();
		new LogEntryPartitions(plain, 4, Clock.fixed(Instant.parse("2025-11-01T00:00:00Z"), ZoneOffset.UTC))
			.afterPropertiesSet();
		this.jdbc = new JdbcTemplate(plain);
		// 20 models, 5,000 objects of 10 entries each, one entry every 3 minutes going
		// back
		this.jdbc.update("INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, object_repr, "
				+ "changes, actor, cid, tenant) SELECT CAST(? AS timestamptz) - make_interval(secs => i * 180), i % 4, "
				+ "'Model' || (i % 20), CAST(i % 5000 AS varchar), i % 5000, 'Object ' || (i % 5000), "
				+ "CAST('{\"name\": [\"a\", \"b\"]}' AS jsonb), 'user' || (i % 50), 'cid-' || (i / 10), "
				+ "'tenant' || (i % 50) FROM generate_series(1, ?) AS i", NEWEST.toString(), ROWS);
		this.jdbc.execute("ANALYZE auditlog_logentry");
		this.parentIndexes = this.jdbc
			.queryForList("SELECT c.relname AS child, p.relname AS parent FROM pg_inherits i "
					+ "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
					+ "WHERE c.relkind = 'i' AND c.relnamespace = to_regnamespace(current_schema())")
			.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("child"), (row) -> (String) row.get("parent")));
		DataSource recording = this.sent.recording(plain);
		this.repository = new JdbcLogEntryRepository(recording, 10_000);
	}

	@Test
	void historyOfAnObjectReadsItsNewestPartitionsInOrder() {
		LogEntryQuery history = LogEntryQuery.builder().model("Model7").objectPk("1007").limit(3).build();
		assertPages(history, "auditlog_logentry_object_history_idx", null);
	}

	@Test
	void historyOfAnObjectInARangeTouchesOnlyThatRange() {
		LogEntryQuery history = LogEntryQuery.builder()
			.model("Model7")
			.objectPk("1007")
			.from(Instant.parse("2025-12-01T00:00:00Z"))
			.to(Instant.parse("2026-02-01T00:00:00Z"))
			.limit(2)
			.build();
		assertPages(history, "auditlog_logentry_object_history_idx", Set.of("202512", "202601"));
	}

	@Test
	void modelPagesTouchOnlyThePartitionsInRange() {
		assertPages(LogEntryQuery.builder().model("Model7").build(), "auditlog_logentry_model_timestamp_idx", null);
		LogEntryQuery inJanuary = LogEntryQuery.builder()
			.model("Model7")
			.from(Instant.parse("2026-01-10T00:00:00Z"))
			.to(Instant.parse("2026-01-20T00:00:00Z"))
			.build();
		assertPages(inJanuary, "auditlog_logentry_model_timestamp_idx", Set.of("202601"));
	}

	@Test
	void actorPagesTouchOnlyThePartitionsInRange() {
		assertPages(LogEntryQuery.builder().actor("user7").build(), "auditlog_logentry_actor_timestamp_idx", null);
		LogEntryQuery inRange = LogEntryQuery.builder()
			.actor("user7")
			.from(Instant.parse("2025-12-20T00:00:00Z"))
			.to(Instant.parse("2026-01-05T00:00:00Z"))
			.build();
		assertPages(inRange, "auditlog_logentry_actor_timestamp_idx", Set.of("202512", "202601"));
	}

	@Test
	void timeRangesTouchOnlyThePartitionsInRange() {
		assertPages(LogEntryQuery.builder().build(), "auditlog_logentry_timestamp_id_idx", null);
		LogEntryQuery range = LogEntryQuery.builder()
			.from(Instant.parse("2026-02-10T00:00:00Z"))
			.to(Instant.parse("2026-02-11T00:00:00Z"))
			.build();
		assertPages(range, "auditlog_logentry_timestamp_id_idx", Set.of("202602"));
	}

	@Test
	void tenantPagesTouchOnlyThePartitionsInRange() {
		assertPages(LogEntryQuery.builder().tenant("tenant1").build(), "auditlog_logentry_tenant_timestamp_idx", null);
		LogEntryQuery inRange = LogEntryQuery.builder()
			.tenant("tenant1")
			.from(Instant.parse("2026-02-10T00:00:00Z"))
			.to(Instant.parse("2026-03-01T00:00:00Z"))
			.build();
		assertPages(inRange, "auditlog_logentry_tenant_timestamp_idx", Set.of("202602"));
	}

	@Test
	void correlationIdsAreAnIndexScanOfThePartitionsInRange() {
		// a correlation id names a few entries: its index holds no order, so they are
		// sorted, but only those of the partitions in range are read
		LogEntryQuery cid = LogEntryQuery.builder()
			.cid("cid-2000")
			.from(Instant.parse("2026-02-01T00:00:00Z"))
			.to(Instant.parse("2026-03-01T00:00:00Z"))
			.limit(3)
			.build();
		this.sent.clear();
		this.repository.query(cid);
		String plan = explain(pageQueries().get(0));
		assertThat(plan).as(plan).doesNotContain("Seq Scan").doesNotContain("Bitmap");
		assertThat(scans(plan, false)).as(plan)
			.isNotEmpty()
			.allSatisfy((scan) -> assertThat(scan.index()).isEqualTo("auditlog_logentry_cid_idx"))
			.allSatisfy((scan) -> assertThat(scan.month()).isEqualTo("202602"));
	}

	/**
	 * Run the query's first and second page and explain the page queries exactly as they
	 * were sent, with their parameters.
	 * @param months the months of the partitions a page may plan, {@code null} when the
	 * query has no range: then the partitions are read newest first and those not needed
	 * are never executed
	 */
	private void assertPages(LogEntryQuery query, String index, Set<String> months) {
		this.sent.clear();
		LogEntryPage first = this.repository.query(query);
		assertThat(first.next()).as("a second page").isNotNull();
		Instant cursor = first.entries().get(first.entries().size() - 1).timestamp();
		this.repository.query(query.toBuilder().before(first.next()).build());
		List<QueryInfo> pages = pageQueries();
		assertThat(pages).hasSize(2);
		for (int i = 0; i < pages.size(); i++) {
			String plan = explain(pages.get(i));
			logger.info("EXPLAIN ANALYZE {}\n{}", pages.get(i).getQuery(), plan);
			assertThat(plan).as(plan).doesNotContain("Sort").doesNotContain("Seq Scan").doesNotContain("Bitmap");
			List<Scan> planned = scans(plan, false);
			assertThat(planned).as(plan)
				.isNotEmpty()
				.allSatisfy((scan) -> assertThat(scan.backward()).isTrue())
				.allSatisfy((scan) -> assertThat(scan.index()).isEqualTo(index));
			if (months != null) {
				assertThat(planned).as(plan).allSatisfy((scan) -> assertThat(months).contains(scan.month()));
			}
			else {
				List<Scan> executed = scans(plan, true);
				assertThat(executed.size()).as(plan).isLessThan(planned.size());
				// newest first, and the older ones never reached
				assertThat(executed).as(plan).isEqualTo(planned.subList(0, executed.size()));
			}
			if (i == 1) {
				String cursorMonth = cursor.atZone(ZoneOffset.UTC)
					.toLocalDate()
					.toString()
					.substring(0, 7)
					.replace("-", "");
				assertThat(planned).as("the cursor prunes the newer months\n" + plan)
					.allSatisfy((scan) -> assertThat(scan.month()).isLessThanOrEqualTo(cursorMonth));
			}
		}
	}

	private List<QueryInfo> pageQueries() {
		return this.sent.all().stream().filter((info) -> info.getQuery().contains("ORDER BY timestamp DESC")).toList();
	}

	private List<Scan> scans(String plan, boolean executedOnly) {
		Set<Scan> scans = new LinkedHashSet<>();
		for (String line : plan.split("\n")) {
			Matcher matcher = SCAN.matcher(line.trim().replaceFirst("^->\\s+", ""));
			if (matcher.matches() && !(executedOnly && matcher.group(4).contains("never executed"))) {
				String partition = matcher.group(3);
				assertThat(partition).startsWith(LogEntryPartitions.PREFIX);
				scans.add(new Scan(this.parentIndexes.getOrDefault(matcher.group(2), matcher.group(2)),
						partition.substring(LogEntryPartitions.PREFIX.length()),
						matcher.group(1).endsWith("Backward")));
			}
		}
		return new ArrayList<>(scans);
	}

	private String explain(QueryInfo query) {
		return SentQueries.explain(this.jdbc, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)", query);
	}

	private record Scan(String index, String month, boolean backward) {

	}

}
