package dev.auditlog.spring.hibernate;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.core.LogEntry;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;
import dev.auditlog.spring.testdb.TestDatabase;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL gets a large batch of entries by {@code COPY}, through a pool's or proxy's
 * connection, and stores exactly what the multi-row {@code INSERT} stores: every column,
 * the content hash included, for values holding the characters {@code COPY}'s text format
 * escapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCopyTests {

	private static final long SEED = 20261130L;

	private static final String SPECIAL = "\t\n\r\\\"'é€😀 ,;{}[]N\\N";

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<String> statements = new CopyOnWriteArrayList<>();

	private DataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeAll
	void migrate() throws Exception {
		TestDatabase database = TestDatabase.postgres("auditlog_copy");
		DataSource plain = new DriverManagerDataSource(database.url(), database.username(), database.password());
		new AuditlogSchemaMigration(plain).afterPropertiesSet();
		this.dataSource = ProxyDataSourceBuilder.create(plain)
			.afterQuery((execution, queries) -> queries.forEach((query) -> this.statements.add(query.getQuery())))
			.build();
		this.jdbc = new JdbcTemplate(plain);
	}

	@Test
	void writesTimestampsAsIsoAtMicrosecondsForAnyInstant() {
		Random random = new Random(SEED);
		long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
		long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 100_000; i++) {
			long seconds = (i % 2 == 0) ? min + (long) (random.nextDouble() * (max - min))
					: 1_700_000_000L + random.nextInt(1_000_000_000);
			Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000) * 1000L);
			StringBuilder text = new StringBuilder();
			assertThat(PostgresCopy.appendTimestamp(text, instant)).isTrue();
			assertThat(text).as("seed %d, instant %s", SEED, instant).hasSize(27);
			assertThat(Instant.parse(text)).as("seed %d, instant %s", SEED, instant).isEqualTo(instant);
		}
		assertThat(PostgresCopy.appendTimestamp(new StringBuilder(), Instant.parse("+10000-01-01T00:00:00Z")))
			.isFalse();
		assertThat(PostgresCopy.appendTimestamp(new StringBuilder(), Instant.parse("0000-12-31T23:59:59Z"))).isFalse();
	}

	@ParameterizedTest(name = "hashing {0}")
	@ValueSource(booleans = { true, false })
	void copiesWhatTheInsertWouldStore(boolean hashing) throws Exception {
		LogEntryWriter writer = new LogEntryWriter(AuditDatabase.POSTGRESQL, hashing);
		List<LogEntry> entries = entries(new Random(SEED), LogEntryWriter.COPY_FROM_ROWS + 10);
		this.jdbc.update("DELETE FROM auditlog_logentry");
		this.statements.clear();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			writer.write(connection, entries);
			connection.commit();
		}
		assertThat(this.statements).as("statements of a batch of %d (seed %d)", entries.size(), SEED)
			.noneMatch((sql) -> sql.toLowerCase().startsWith("insert"));
		List<List<Object>> copied = stored();
		this.jdbc.update("DELETE FROM auditlog_logentry");
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (LogEntry entry : entries) {
				writer.write(connection, List.of(entry));
			}
			connection.commit();
		}
		assertThat(this.statements).anyMatch((sql) -> sql.toLowerCase().startsWith("insert"));
		List<List<Object>> inserted = stored();
		assertThat(copied).hasSize(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			assertThat(copied.get(i)).as("entry %d of seed %d: %s", i, SEED, entries.get(i)).isEqualTo(inserted.get(i));
		}
	}

	@Test
	void aSmallBatchIsInserted() throws Exception {
		LogEntryWriter writer = new LogEntryWriter(AuditDatabase.POSTGRESQL);
		this.statements.clear();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			writer.write(connection, entries(new Random(SEED), LogEntryWriter.COPY_FROM_ROWS - 1));
			connection.commit();
		}
		assertThat(this.statements).filteredOn((sql) -> sql.toLowerCase().startsWith("insert")).hasSize(1);
	}

	private List<List<Object>> stored() {
		return this.jdbc.query("SELECT timestamp, action, model, object_pk, object_id, object_repr, changes::text, "
				+ "serialized_data::text, additional_data::text, actor, remote_addr, cid, hash FROM auditlog_logentry "
				+ "ORDER BY id", (rs, row) -> {
					List<Object> values = new ArrayList<>();
					for (int column = 1; column <= 13; column++) {
						values.add(rs.getObject(column));
					}
					return values;
				});
	}

	private List<LogEntry> entries(Random random, int count) {
		List<LogEntry> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, Object> changes = new LinkedHashMap<>();
			changes.put("name", Arrays.asList(text(random), text(random)));
			changes.put("note", Arrays.asList(null, text(random)));
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("k" + text(random), text(random));
			entries.add(new LogEntry(null, Instant.parse("2026-11-30T08:00:00.123456789Z").plusMillis(i),
					Action.values()[random.nextInt(3)], "Model" + text(random), Integer.toString(i),
					(i % 2 == 0) ? (long) i : null, "Repr " + text(random), random.nextBoolean() ? text(random) : null,
					random.nextBoolean() ? "10.0.0." + i : null, random.nextBoolean() ? "cid-" + text(random) : null,
					Changes.fromJson(this.json.writeValueAsString(changes)), random.nextBoolean() ? data : null,
					random.nextBoolean() ? Map.of("s", text(random)) : null));
		}
		return entries;
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(12);
		for (int i = 0; i < length; i++) {
			text.append(random.nextInt(3) == 0 ? SPECIAL.charAt(random.nextInt(SPECIAL.length()))
					: (char) ('a' + random.nextInt(26)));
		}
		// keep surrogate pairs whole: the emoji is two code units
		return text.toString()
			.replaceAll("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]", "x");
	}

}
