package dev.auditlog.benchmarks.workload;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

import dev.auditlog.AuditLog;
import dev.auditlog.benchmarks.BenchmarkSettings;
import dev.auditlog.benchmarks.database.BenchmarkDatabase;
import dev.auditlog.benchmarks.report.Latency;
import dev.auditlog.benchmarks.report.QueryResults;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.variant.VariantContext;
import dev.auditlog.benchmarks.variant.auditlog.AuditlogItem;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures reading the audit log once it holds many entries: the history of one object
 * through {@link AuditLog#history(Object)}, and a page of 50 entries through the
 * {@code auditlog} actuator endpoint over HTTP, with the plain SQL of each beside them.
 * The entries are generated with SQL (five models of 10,000 objects, 20 entries each per
 * million), indexes built after the load, as a table grown over time would have them.
 */
public final class QueryPhase {

	private static final Logger logger = LoggerFactory.getLogger(QueryPhase.class);

	private static final String SCHEMA = "bench_query";

	private static final int ENTRIES_PER_OBJECT = 20;

	private static final int MODELS = 5;

	private static final String COLUMNS = "id, timestamp, action, model, object_pk, object_id, object_repr, changes, "
			+ "serialized_data, additional_data, actor, remote_addr, cid";

	private final BenchmarkSettings settings;

	private final SplittableRandom random = new SplittableRandom(7);

	public QueryPhase(BenchmarkSettings settings) {
		this.settings = settings;
	}

	/**
	 * Fill the table and measure.
	 * @param database the database
	 * @return the latencies
	 */
	public QueryResults run(BenchmarkDatabase database) {
		try (VariantContext variant = VariantContext.start(Variant.AUDITLOG, database, SCHEMA, 4, true,
				Map.of("management.endpoints.web.exposure.include", "auditlog,health", "management.health.db.enabled",
						false))) {
			JdbcTemplate jdbc = variant.jdbc();
			int entries = this.settings.queryEntries();
			int objectsPerModel = entries / ENTRIES_PER_OBJECT / MODELS;
			fill(jdbc, entries);
			List<Latency> latencies = new ArrayList<>();
			List<String> notes = new ArrayList<>();
			int samples = this.settings.latencySamples();
			AuditLog auditLog = variant.context().getBean(AuditLog.class);
			try {
				latencies
					.add(measure("history of one object (20 entries)", "`AuditLog#history(entity)`", samples, (i) -> {
						AuditlogItem item = new AuditlogItem();
						item.setId(1L + this.random.nextInt(objectsPerModel));
						List<LogEntry> history = auditLog.history(item);
						check(history.size() == ENTRIES_PER_OBJECT, "history of " + item + ": " + history.size());
					}));
			}
			catch (RuntimeException ex) {
				notes.add("`AuditLog#history` could not be measured: " + ex);
				logger.warn("AuditLog#history could not be measured", ex);
			}
			try {
				LogEntryQuery page = LogEntryQuery.builder().model("Item").limit(50).build();
				latencies.add(measure("page of the 50 newest entries of a model", "`AuditLog#query` (no HTTP)", samples,
						(i) -> check(auditLog.query(page).entries().size() == 50, "API page")));
			}
			catch (RuntimeException ex) {
				notes.add("`AuditLog#query` could not be measured: " + ex);
				logger.warn("AuditLog#query could not be measured", ex);
			}
			latencies.add(measure("history of one object (20 entries)",
					"SQL: `WHERE model = ? AND object_pk = ? ORDER BY timestamp DESC, id DESC`", samples, (i) -> {
						List<Long> ids = jdbc.query(
								"SELECT " + COLUMNS + " FROM auditlog_logentry WHERE model = ? AND object_pk = ? "
										+ "ORDER BY timestamp DESC, id DESC",
								(row, n) -> row.getLong(1), "Item",
								String.valueOf(1 + this.random.nextInt(objectsPerModel)));
						check(ids.size() == ENTRIES_PER_OBJECT, "SQL history: " + ids.size());
					}));
			String base = "http://127.0.0.1:" + variant.context().getEnvironment().getProperty("local.server.port")
					+ "/actuator/auditlog?model=Item&size=50";
			int status = get(base);
			if (status == 200) {
				latencies
					.add(measure("page of the 50 newest entries of a model", "`GET /actuator/auditlog?model=&size=50`",
							samples, (i) -> check(get(base) == 200, "endpoint page")));
				latencies.add(measure("page of 50 entries of a model after a cursor",
						"`GET /actuator/auditlog?model=&size=50&before=`", samples,
						(i) -> check(get(base + "&before=" + (entries / 2 + this.random.nextInt(entries / 2))) == 200,
								"endpoint page after a cursor")));
			}
			String health = base.substring(0, base.indexOf("/auditlog")) + "/health";
			if (get(health) == 200) {
				latencies.add(measure("baseline: an actuator endpoint that reads nothing",
						"`GET /actuator/health` (HTTP and actuator overhead)", samples,
						(i) -> check(get(health) == 200, "health")));
			}
			if (status != 200) {
				notes.add("The actuator endpoint answered HTTP " + status + " to `GET /actuator/auditlog`; the page "
						+ "was measured with SQL only.");
			}
			latencies.add(measure("page of the 50 newest entries of a model",
					"SQL: `WHERE model = ? ORDER BY timestamp DESC, id DESC LIMIT 50`", samples, (i) -> {
						List<Long> ids = jdbc.query(
								"SELECT " + COLUMNS + " FROM auditlog_logentry WHERE model = ? "
										+ "ORDER BY timestamp DESC, id DESC LIMIT 50",
								(row, n) -> row.getLong(1), "Item");
						check(ids.size() == 50, "SQL page: " + ids.size());
					}));
			return new QueryResults(entries, latencies, notes);
		}
	}

	private void fill(JdbcTemplate jdbc, int entries) {
		long started = System.nanoTime();
		int objects = entries / ENTRIES_PER_OBJECT;
		List<String> indexes = jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
				+ "AND tablename = 'auditlog_logentry' AND indexname NOT LIKE '%pkey'", String.class);
		List<String> names = jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
				+ "AND tablename = 'auditlog_logentry' AND indexname NOT LIKE '%pkey'", String.class);
		for (String name : names) {
			jdbc.execute("DROP INDEX " + name);
		}
		// object o = n % objects of model o % 5, with key o / 5 + 1; its first entry is
		// its
		// CREATE; n orders the entries in time
		jdbc.update("INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, object_repr, "
				+ "changes, actor, remote_addr, cid) "
				+ "SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00' + n * INTERVAL '1 second', "
				+ "CASE WHEN n <= ? THEN 0 ELSE 1 END, m.model, (o / 5 + 1)::text, o / 5 + 1, "
				+ "m.model || ' ' || (o / 5 + 1), "
				+ "jsonb_build_object('name', jsonb_build_array('item ' || (n - ?), 'item ' || n), "
				+ "'price', jsonb_build_array('12.50', '13.00')), "
				+ "'user' || (n % 50), '10.0.' || (n % 200) || '.1', 'cid-' || (n / 7) "
				+ "FROM generate_series(1, ?) AS n, LATERAL (SELECT n % ? AS o) AS k, "
				+ "LATERAL (SELECT (ARRAY['Item', 'Order', 'Customer', 'Invoice', 'Shipment'])[1 + k.o % " + MODELS
				+ "] AS model) AS m", objects, objects, entries, objects);
		for (String index : indexes) {
			jdbc.execute(index);
		}
		jdbc.execute("VACUUM ANALYZE auditlog_logentry");
		logger.info("Query phase: {} entries loaded and indexed in {} s", entries,
				(System.nanoTime() - started) / 1_000_000_000);
	}

	private Latency measure(String name, String how, int samples, IntConsumer read) {
		for (int i = 0; i < Math.max(20, samples / 10); i++) {
			read.accept(i);
		}
		List<Long> nanos = new ArrayList<>(samples);
		for (int i = 0; i < samples; i++) {
			long started = System.nanoTime();
			read.accept(i);
			nanos.add(System.nanoTime() - started);
		}
		Latency latency = Latency.of(name, how, nanos);
		logger.info("Query phase: {} by {}: p50 {} ms, p95 {} ms", name, how,
				String.format("%.2f", latency.percentileMillis(50)),
				String.format("%.2f", latency.percentileMillis(95)));
		return latency;
	}

	/**
	 * Send a GET on a kept-alive connection, read the whole body, and return the status.
	 */
	private static int get(String uri) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(uri).toURL().openConnection();
			connection.setConnectTimeout(5000);
			connection.setReadTimeout(30000);
			int status = connection.getResponseCode();
			try (InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
				if (body != null) {
					body.readAllBytes();
				}
			}
			return status;
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + uri + " failed", ex);
		}
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Unexpected result: " + Objects.requireNonNull(what));
		}
	}

}
