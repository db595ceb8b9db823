package dev.auditlog.benchmarks.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.auditlog.benchmarks.database.BenchmarkDatabases;
import dev.auditlog.benchmarks.variant.ItemStore;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.variant.VariantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what the GIN index on {@code auditlog_logentry.changes} (migration {@code V7},
 * which serves search by changed field) costs audited writes on PostgreSQL: the same
 * audited workload — creates of items with a category and two tags, updates of five
 * fields, tag toggles, ten items to a transaction — timed with the index and without it,
 * in interleaved rounds (on/off, then off/on) on one table, so that growth and noise fall
 * on both alike. Reports the median time of a round in each mode, the median of the
 * paired ratios (each round's two halves run back to back, so they share the machine's
 * load), and the WAL each mode wrote (which no other load on the machine changes).
 * <p>
 * Run with {@code java -cp … dev.auditlog.benchmarks.history.ChangedFieldIndexCost
 * [rounds] [items] [env|tmpfs]} (defaults 12, 200, env: the server of
 * {@code AUDITLOG_TEST_POSTGRES_URL}).
 */
public final class ChangedFieldIndexCost {

	private static final Logger logger = LoggerFactory.getLogger(ChangedFieldIndexCost.class);

	private static final String INDEX = "auditlog_logentry_changes_idx";

	private static final int PER_TRANSACTION = 10;

	private ChangedFieldIndexCost() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 12;
		int items = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		String db = (args.length > 2) ? args[2] : "env";
		try (BenchmarkDatabases databases = BenchmarkDatabases.open(db);
				VariantContext variant = VariantContext.start(Variant.AUDITLOG, databases.database(),
						"bench_history_gin", 2, false, Map.of())) {
			List<Long> withIndex = new ArrayList<>();
			List<Long> withoutIndex = new ArrayList<>();
			List<Double> ratios = new ArrayList<>();
			long[] wal = new long[2];
			// a warm-up round of each, not counted
			round(variant, items, true);
			round(variant, items, false);
			for (int round = 0; round < rounds; round++) {
				boolean indexFirst = round % 2 == 0;
				long[] pair = new long[2];
				for (boolean index : new boolean[] { indexFirst, !indexFirst }) {
					long walBefore = walPosition(variant);
					long nanos = round(variant, items, index);
					wal[index ? 0 : 1] += walPosition(variant) - walBefore;
					(index ? withIndex : withoutIndex).add(nanos);
					pair[index ? 0 : 1] = nanos;
				}
				ratios.add((double) pair[0] / pair[1]);
			}
			long on = median(withIndex);
			long off = median(withoutIndex);
			double overhead = 100.0 * (on - off) / off;
			long entries = variant.jdbc().queryForObject("SELECT COUNT(*) FROM auditlog_logentry", Long.class);
			logger.info(
					"GIN index on changes: {} rounds of {} items created, updated (5 fields) and tag-toggled, "
							+ "{} per transaction; {} entries in the table at the end",
					rounds, items, PER_TRANSACTION, entries);
			logger.info("median round with the index {} ms, without {} ms: write overhead {}%", on / 1_000_000,
					off / 1_000_000, String.format("%.1f", overhead));
			double pairedOverhead = 100.0 * (medianOf(ratios) - 1);
			logger.info("median of the paired ratios (each round's with / without, run back to back): {}%",
					String.format("%.1f", pairedOverhead));
			logger.info("WAL written: with the index {} kB, without {} kB ({}%)", wal[0] / 1024, wal[1] / 1024,
					String.format("%.1f", 100.0 * (wal[0] - wal[1]) / wal[1]));
			logger.info("rounds with the index (ms): {}", millis(withIndex));
			logger.info("rounds without the index (ms): {}", millis(withoutIndex));
		}
	}

	private static long round(VariantContext variant, int items, boolean index) {
		variant.jdbc()
			.execute(index ? "CREATE INDEX IF NOT EXISTS " + INDEX + " ON auditlog_logentry USING GIN (changes)"
					: "DROP INDEX IF EXISTS " + INDEX);
		variant.jdbc().execute("CHECKPOINT");
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

	private static long walPosition(VariantContext variant) {
		Long position = variant.jdbc()
			.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", Long.class);
		return (position != null) ? position : 0;
	}

	private static double medianOf(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	private static long median(List<Long> values) {
		long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
		return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	private static String millis(List<Long> values) {
		return Arrays.toString(values.stream().mapToLong((nanos) -> nanos / 1_000_000).toArray());
	}

}
