package dev.auditlog.benchmarks.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.benchmarks.database.BenchmarkDatabases;
import dev.auditlog.benchmarks.variant.ItemStore;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.variant.VariantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what an index for the search by changed field costs audited writes on
 * PostgreSQL: the same audited workload — creates of items with a category and two tags,
 * updates of five fields, tag toggles, ten items to a transaction — and inserts of
 * entries alone (JDBC batches, the index's share of the audit write itself), timed
 * without an index, with a GIN index on the whole {@code changes} document
 * ({@code jsonb_ops}: keys and values), and with a GIN index on the changed field names
 * only, each with the merge of its pending list timed in. The modes run in rotating order
 * within each round, on one table, so that growth and the machine's load fall on all
 * alike; each mode's time is compared with the no-index time of the same round, and the
 * median of those ratios is reported.
 * <p>
 * Run with {@code java -cp … dev.auditlog.benchmarks.history.ChangedFieldIndexCost
 * [rounds] [items] [env|tmpfs]} (defaults 30, 100, env: the server of
 * {@code AUDITLOG_TEST_POSTGRES_URL}).
 */
public final class ChangedFieldIndexCost {

	private static final Logger logger = LoggerFactory.getLogger(ChangedFieldIndexCost.class);

	private static final String INDEX = "auditlog_logentry_changes_idx";

	private static final int PER_TRANSACTION = 10;

	private static final int RAW_BATCH = 100;

	private static final int RAW_PER_ITEM = 5;

	private ChangedFieldIndexCost() {
	}

	/**
	 * The indexes compared.
	 */
	enum Mode {

		NONE("DROP INDEX IF EXISTS " + INDEX),

		JSONB_GIN("CREATE INDEX " + INDEX + " ON auditlog_logentry USING GIN (changes)"),

		FIELD_NAMES_GIN("CREATE INDEX " + INDEX + " ON auditlog_logentry USING GIN (auditlog_changed_fields(changes))"),

		FIELD_NAMES_JSONPATH_GIN("CREATE INDEX " + INDEX + " ON auditlog_logentry USING GIN "
				+ "((jsonb_path_query_array(changes, '$.keyvalue().key')) jsonb_path_ops)");

		final String ddl;

		Mode(String ddl) {
			this.ddl = ddl;
		}

	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		int items = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		String db = (args.length > 2) ? args[2] : "env";
		try (BenchmarkDatabases databases = BenchmarkDatabases.open(db);
				VariantContext variant = VariantContext.start(Variant.AUDITLOG, databases.database(),
						"bench_history_gin", 2, false, Map.of())) {
			variant.jdbc()
				.execute("CREATE OR REPLACE FUNCTION auditlog_changed_fields(changes jsonb) RETURNS text[] "
						+ "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
						+ "$$ SELECT coalesce(array_agg(k), '{}') FROM jsonb_object_keys(changes) AS k $$");
			Map<Mode, List<Long>> workload = new EnumMap<>(Mode.class);
			Map<Mode, List<Long>> raw = new EnumMap<>(Mode.class);
			Map<Mode, List<Double>> workloadRatios = new EnumMap<>(Mode.class);
			Map<Mode, List<Double>> rawRatios = new EnumMap<>(Mode.class);
			for (Mode mode : Mode.values()) {
				workload.put(mode, new ArrayList<>());
				raw.put(mode, new ArrayList<>());
				workloadRatios.put(mode, new ArrayList<>());
				rawRatios.put(mode, new ArrayList<>());
			}
			// a warm-up round of each, not counted
			for (Mode mode : Mode.values()) {
				use(variant, mode);
				workload(variant, items);
				rawInserts(variant, items * RAW_PER_ITEM);
			}
			Mode[] modes = Mode.values();
			for (int round = 0; round < rounds; round++) {
				Map<Mode, long[]> times = new EnumMap<>(Mode.class);
				for (int i = 0; i < modes.length; i++) {
					Mode mode = modes[(round + i) % modes.length];
					use(variant, mode);
					long nanos = workload(variant, items) + cleanPendingList(variant, mode);
					long rawNanos = rawInserts(variant, items * RAW_PER_ITEM) + cleanPendingList(variant, mode);
					workload.get(mode).add(nanos);
					raw.get(mode).add(rawNanos);
					times.put(mode, new long[] { nanos, rawNanos });
				}
				for (Mode mode : modes) {
					workloadRatios.get(mode).add((double) times.get(mode)[0] / times.get(Mode.NONE)[0]);
					rawRatios.get(mode).add((double) times.get(mode)[1] / times.get(Mode.NONE)[1]);
				}
			}
			long entries = variant.jdbc().queryForObject("SELECT COUNT(*) FROM auditlog_logentry", Long.class);
			logger.info("{} rounds; a round: {} items created, updated (5 fields) and tag-toggled, {} per transaction, "
					+ "then {} entries inserted alone in JDBC batches of {}; {} entries in the table at the end",
					rounds, items, PER_TRANSACTION, items * RAW_PER_ITEM, RAW_BATCH, entries);
			for (Mode mode : new Mode[] { Mode.JSONB_GIN, Mode.FIELD_NAMES_GIN, Mode.FIELD_NAMES_JSONPATH_GIN }) {
				use(variant, mode);
				logger.info("{}: index size {} kB, table size {} kB", mode,
						variant.jdbc().queryForObject("SELECT pg_relation_size('" + INDEX + "') / 1024", Long.class),
						variant.jdbc()
							.queryForObject("SELECT pg_relation_size('auditlog_logentry') / 1024", Long.class));
			}
			for (Mode mode : modes) {
				logger.info(
						"{}: audited workload median {} ms, {}% against no index (median of paired ratios); "
								+ "entries alone median {} ms, {}%",
						mode, median(workload.get(mode)) / 1_000_000, percent(workloadRatios.get(mode)),
						median(raw.get(mode)) / 1_000_000, percent(rawRatios.get(mode)));
			}
		}
	}

	private static void use(VariantContext variant, Mode mode) {
		variant.jdbc().execute(Mode.NONE.ddl);
		if (mode != Mode.NONE) {
			variant.jdbc().execute(mode.ddl);
		}
		variant.jdbc().execute("CHECKPOINT");
	}

	/**
	 * Merge a GIN index's pending list into the index, timed: inserts into a GIN index
	 * only append to that list (fastupdate), and the merge, which PostgreSQL makes when
	 * the list outgrows gin_pending_list_limit or on vacuum, is the rest of their cost.
	 */
	private static long cleanPendingList(VariantContext variant, Mode mode) {
		if (mode == Mode.NONE) {
			return 0;
		}
		long start = System.nanoTime();
		variant.jdbc().queryForObject("SELECT gin_clean_pending_list('" + INDEX + "')", Long.class);
		return System.nanoTime() - start;
	}

	private static long workload(VariantContext variant, int items) {
		ItemStore<?> store = variant.store();
		long start = System.nanoTime();
		List<Long> ids = new ArrayList<>(items);
		for (int i = 0; i < items; i += PER_TRANSACTION) {
			ids.addAll(store.create(PER_TRANSACTION, variant.nextSequence(PER_TRANSACTION)));
		}
		for (int i = 0; i < ids.size(); i += PER_TRANSACTION) {
			List<Long> batch = ids.subList(i, Math.min(ids.size(), i + PER_TRANSACTION));
			store.update(batch, true, variant.nextSequence(1));
		}
		for (int i = 0; i < ids.size(); i += PER_TRANSACTION) {
			List<Long> batch = ids.subList(i, Math.min(ids.size(), i + PER_TRANSACTION));
			store.toggleTag(batch, variant.nextSequence(1));
		}
		return System.nanoTime() - start;
	}

	/**
	 * Insert entries with the changes of five fields as plain JDBC batches: the index's
	 * cost against the entry writes alone, without the entity writes they go with.
	 */
	private static long rawInserts(VariantContext variant, int entries) {
		String sql = "INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, object_repr, "
				+ "changes, actor) VALUES (?, 1, 'Item', ?, ?, ?, CAST(? AS jsonb), 'bench')";
		long sequence = variant.nextSequence(entries);
		long start = System.nanoTime();
		for (int done = 0; done < entries; done += RAW_BATCH) {
			List<Object[]> batch = new ArrayList<>(RAW_BATCH);
			for (int i = done; i < Math.min(entries, done + RAW_BATCH); i++) {
				long n = sequence + i;
				batch.add(new Object[] { Timestamp.from(Instant.now()), String.valueOf(n), n, "Item " + n,
						"{\"name\": [\"item " + n + "\", \"item " + (n + 1) + "\"], \"description\": [\"revision " + n
								+ "\", \"revision " + (n + 1) + "\"], \"price\": [\"" + n + ".00\", \"" + (n + 1)
								+ ".00\"], \"status\": [\"DRAFT\", \"ACTIVE\"], \"dueDate\": [\"2026-01-01\", "
								+ "\"2026-01-02\"]}" });
			}
			variant.jdbc().batchUpdate(sql, batch);
		}
		return System.nanoTime() - start;
	}

	private static String percent(List<Double> ratios) {
		double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double median = (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
		return String.format("%+.1f", 100.0 * (median - 1));
	}

	private static long median(List<Long> values) {
		long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
		return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

}
