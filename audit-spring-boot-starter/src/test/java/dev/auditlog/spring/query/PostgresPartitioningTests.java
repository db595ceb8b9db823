package dev.auditlog.spring.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.spring.InvalidAuditDatabaseException;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;
import dev.auditlog.spring.schema.LogEntryPartitions;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static dev.auditlog.spring.query.LogEntryRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Monthly partitioning on PostgreSQL: an empty plain table is converted with its columns,
 * indexes and next id; a plain table holding entries stops startup; partitions are
 * created ahead by several instances at once without error; retention drops whole past
 * months, deletes the rows of the month its cut-off falls in, and records its checkpoint
 * first.
 */
class PostgresPartitioningTests {

	private static final Clock JANUARY = Clock.fixed(Instant.parse("2026-01-20T08:00:00Z"), ZoneOffset.UTC);

	private DataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeEach
	void migrate() throws Exception {
		TestDatabase database = TestDatabase.postgres("auditlog_partitioning");
		this.dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
		new AuditlogSchemaMigration(this.dataSource).afterPropertiesSet();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@Test
	void anEmptyPlainTableIsConvertedWithItsColumnsIndexesAndNextId() throws Exception {
		List<String> columns = columns();
		List<String> indexes = indexes();
		new LogEntryRows(this.dataSource).insert(row(JANUARY.instant(), "Book", "1"));
		long used = this.jdbc.queryForObject("SELECT MAX(id) FROM auditlog_logentry", Long.class);
		this.jdbc.update("DELETE FROM auditlog_logentry");
		new LogEntryPartitions(this.dataSource, 2, JANUARY).afterPropertiesSet();
		assertThat(relkind("auditlog_logentry")).isEqualTo("p");
		assertThat(columns()).isEqualTo(columns);
		assertThat(indexes()).containsExactlyInAnyOrderElementsOf(indexes);
		assertThat(this.jdbc.queryForList("SELECT a.attname FROM pg_index x JOIN pg_attribute a "
				+ "ON a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey) "
				+ "WHERE x.indrelid = 'auditlog_logentry'::regclass AND x.indisprimary", String.class))
			.containsExactlyInAnyOrder("id", "timestamp");
		assertThat(partitions()).containsExactly("auditlog_logentry_p202601", "auditlog_logentry_p202602",
				"auditlog_logentry_p202603");
		new LogEntryRows(this.dataSource).insert(row(JANUARY.instant(), "Book", "2"));
		assertThat(this.jdbc.queryForObject("SELECT MIN(id) FROM auditlog_logentry", Long.class)).isGreaterThan(used);
		// the next start finds it partitioned and only creates what is missing
		new LogEntryPartitions(this.dataSource, 3, JANUARY).afterPropertiesSet();
		assertThat(partitions()).hasSize(4);
	}

	@Test
	void aPlainTableHoldingEntriesStopsStartupWithHowToConvertIt() {
		new LogEntryRows(this.dataSource).insert(row(JANUARY.instant(), "Book", "1"));
		assertThatExceptionOfType(InvalidAuditDatabaseException.class)
			.isThrownBy(() -> new LogEntryPartitions(this.dataSource, 2, JANUARY).afterPropertiesSet())
			.withMessageContaining("auditlog.schema.partitioning=monthly")
			.withMessageContaining("plain table that holds entries")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("Converting an existing table"));
		assertThat(relkind("auditlog_logentry")).isEqualTo("r");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_logentry", Long.class)).isOne();
	}

	@Test
	void severalInstancesStartingAtOnceConvertOnceAndCreateEachPartitionOnce() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<Object>> starts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Callable<Object> start = () -> {
					new LogEntryPartitions(this.dataSource, 2, JANUARY).afterPropertiesSet();
					return null;
				};
				starts.add(executor.submit(start));
			}
			for (Future<Object> start : starts) {
				start.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(relkind("auditlog_logentry")).isEqualTo("p");
		assertThat(partitions()).containsExactly("auditlog_logentry_p202601", "auditlog_logentry_p202602",
				"auditlog_logentry_p202603");
	}

	@Test
	void retentionDropsWholePastMonthsAndDeletesTheRowsOfTheBoundaryMonth() throws Exception {
		Clock october = Clock.fixed(Instant.parse("2025-10-05T00:00:00Z"), ZoneOffset.UTC);
		new LogEntryPartitions(this.dataSource, 5, october).afterPropertiesSet();
		LogEntryRows rows = new LogEntryRows(this.dataSource);
		List<LogEntryRows.Row> inserted = new ArrayList<>();
		Instant first = Instant.parse("2025-10-01T00:00:00Z");
		// one entry every 12 hours from October to February
		for (Instant at = first; at.isBefore(Instant.parse("2026-03-01T00:00:00Z")); at = at.plusSeconds(43_200)) {
			inserted.add(row(at, "Book", at.toString()));
		}
		rows.insert(inserted);
		Instant cutOff = Instant.parse("2025-12-10T06:00:00Z");
		long expected = this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_logentry WHERE timestamp < ?",
				Long.class, java.sql.Timestamp.from(cutOff));
		List<String> checkpointSaw = new ArrayList<>();
		JdbcLogEntryRepository repository = new JdbcLogEntryRepository(this.dataSource, 7);
		repository.recordDeletionsWith((before) -> checkpointSaw.addAll(partitions()));
		long deleted = repository.deleteBefore(cutOff);
		assertThat(deleted).isEqualTo(expected);
		assertThat(checkpointSaw).as("the checkpoint is recorded before anything is dropped")
			.contains("auditlog_logentry_p202510", "auditlog_logentry_p202511");
		assertThat(partitions()).containsExactly("auditlog_logentry_p202512", "auditlog_logentry_p202601",
				"auditlog_logentry_p202602", "auditlog_logentry_p202603");
		assertThat(this.jdbc.queryForObject("SELECT MIN(timestamp) FROM auditlog_logentry", java.sql.Timestamp.class)
			.toInstant()).isEqualTo(Instant.parse("2025-12-10T12:00:00Z"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_logentry", Long.class))
			.isEqualTo(inserted.size() - expected);
		// the query API still reads across what is left
		assertThat(repository.query(LogEntryQuery.builder().model("Book").limit(500).build()).entries())
			.hasSize(inserted.size() - (int) expected);
	}

	@Test
	void aMonthLeftDetachedByAnInterruptedDropIsDroppedByTheNextRetention() throws Exception {
		Clock october = Clock.fixed(Instant.parse("2025-10-05T00:00:00Z"), ZoneOffset.UTC);
		new LogEntryPartitions(this.dataSource, 2, october).afterPropertiesSet();
		new LogEntryRows(this.dataSource).insert(row(Instant.parse("2025-10-02T00:00:00Z"), "Book", "1"),
				row(Instant.parse("2025-10-03T00:00:00Z"), "Book", "2"),
				row(Instant.parse("2025-11-03T00:00:00Z"), "Book", "3"));
		// what a drop interrupted between its detach and its DROP TABLE leaves
		this.jdbc.execute("ALTER TABLE auditlog_logentry DETACH PARTITION auditlog_logentry_p202510");
		assertThat(partitions()).doesNotContain("auditlog_logentry_p202510");
		long deleted = new JdbcLogEntryRepository(this.dataSource, 10)
			.deleteBefore(Instant.parse("2025-11-01T00:00:00Z"));
		assertThat(deleted).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('auditlog_logentry_p202510') IS NULL", Boolean.class))
			.isTrue();
		assertThat(partitions()).containsExactly("auditlog_logentry_p202511", "auditlog_logentry_p202512");
	}

	@Test
	void aDeletionBeforeAFutureInstantDropsNoPartitionStillToBeWrittenTo() throws Exception {
		Clock now = Clock.systemUTC();
		new LogEntryPartitions(this.dataSource, 2, now).afterPropertiesSet();
		List<String> before = partitions();
		new LogEntryRows(this.dataSource).insert(row(now.instant(), "Book", "1"));
		long deleted = new JdbcLogEntryRepository(this.dataSource, 10)
			.deleteBefore(Instant.parse("9999-12-31T00:00:00Z"));
		assertThat(deleted).isOne();
		assertThat(partitions()).isEqualTo(before);
		new LogEntryRows(this.dataSource).insert(row(now.instant(), "Book", "2"));
	}

	private String relkind(String table) {
		return this.jdbc.queryForObject("SELECT relkind FROM pg_class WHERE oid = to_regclass(?)", String.class, table);
	}

	private List<String> partitions() {
		return this.jdbc.queryForList(
				"SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
						+ "WHERE i.inhparent = 'auditlog_logentry'::regclass AND c.relkind = 'r' ORDER BY c.relname",
				String.class);
	}

	private List<String> columns() {
		return this.jdbc.queryForList("SELECT column_name || ' ' || data_type || ' ' || is_nullable "
				+ "FROM information_schema.columns WHERE table_name = 'auditlog_logentry' "
				+ "AND table_schema = current_schema() ORDER BY ordinal_position", String.class);
	}

	private List<String> indexes() {
		return this.jdbc.queryForList("SELECT regexp_replace(indexdef, ' ON (ONLY )?\\S+', ' ON t') FROM pg_indexes "
				+ "WHERE tablename = 'auditlog_logentry' AND schemaname = current_schema() "
				+ "AND indexname <> 'auditlog_logentry_pkey'", String.class);
	}

}
