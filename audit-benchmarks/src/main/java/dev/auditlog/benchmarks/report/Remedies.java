package dev.auditlog.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.workload.Workload;

/**
 * What would reach a missed throughput target, from what the run measured: the time
 * auditlog adds to a transaction taken apart ({@link TransactionTime}), the cost of its
 * write in the database with other statements and fewer indexes ({@link WriteCost}), and
 * the bounds the other variants set.
 */
final class Remedies {

	private Remedies() {
	}

	static String of(RunResults results, Workload workload, Variant variant, Variant reference, double goal) {
		if (variant != Variant.AUDITLOG) {
			return "";
		}
		if (reference == Variant.JAVERS) {
			return javers(results, workload, goal);
		}
		StringBuilder text = new StringBuilder();
		if (reference == Variant.ENVERS) {
			text.append("Envers writes one narrow row per change (a copy of the entity's columns, one index) and "
					+ "one revision row per transaction, inside Hibernate's own JDBC batches; auditlog writes one "
					+ "JSON row per change into a table whose indexes each back a read, in a statement of its own "
					+ "(a `COPY` from 50 entries on). The levers "
					+ "on auditlog's write are the same as against unaudited. ");
		}
		else {
			Workload single = new Workload(workload.operation(), workload.changesPerTransaction(), 1);
			ThroughputResults.Spread singleRatio = results.throughput().ratio(single, variant, reference);
			if (workload.threads() != 1 && singleRatio.count() > 0 && singleRatio.median() >= goal) {
				text.append(String.format(Locale.ROOT,
						"On one thread this workload reaches %.2f; the miss is on %d threads, where the JVM and "
								+ "PostgreSQL compete for the 2 cores and auditlog's extra work is taken from the "
								+ "database's share. ",
						singleRatio.median(), workload.threads()));
			}
			else {
				TransactionTime.of(results.throughput(), single)
					.ifPresent((time) -> text.append(bounds(results, time, goal)));
			}
		}
		return text.toString().trim();
	}

	/**
	 * Return the levers on auditlog's write this run measured, said once below the missed
	 * targets.
	 * @param results the run's figures
	 * @return the paragraph, empty when the write cost was not measured
	 */
	static String levers(RunResults results) {
		StringBuilder text = new StringBuilder();
		writeCosts(results).ifPresent(text::append);
		text.append("A create of an item with tags writes one entry: its initial tags are part of the `CREATE` "
				+ "entry. The `actor` and `cid` indexes are partial on PostgreSQL (migration V4), so entries "
				+ "written without either (as here, outside a request) skip them.");
		return text.toString();
	}

	private static String bounds(RunResults results, TransactionTime time, double goal) {
		double allowed = time.unaudited() / goal - time.unaudited();
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"Reaching %.2f needs auditlog to add at most %.2f ms to this transaction instead of %.2f ms. ", goal,
				allowed, time.extra()));
		double free = time.unaudited() / (time.audited() - time.write());
		text.append(String.format(Locale.ROOT,
				"Even an `INSERT` of the entries that cost nothing would leave the ratio at %.2f: the other %.2f ms "
						+ "are spent outside it (the listeners, diff, JSON and parameter binding in the JVM, the commit "
						+ "of a larger transaction, more JDBC time elsewhere). ",
				free, time.extra() - time.write()));
		List<WriteCost> costs = results.writeCosts();
		if (costs.size() >= 3 && costs.get(2).medianMillis() > 0) {
			double keyShare = costs.get(1).medianMillis() / costs.get(2).medianMillis();
			double keyOnly = time.unaudited() / (time.audited() - time.write() * (1 - keyShare));
			text.append(String.format(Locale.ROOT,
					"The starter already copies batches of 50 or more with `COPY` on PostgreSQL; a table with only its "
							+ "primary key (no reads by object, model, actor or time) would bring the ratio to about "
							+ "%.2f. ",
					keyOnly));
		}
		if (free < goal) {
			text.append("So the target is out of reach of any change to how the entries are written: it needs less "
					+ "work per change in the JVM too, or a different design (entries written after the commit, outside "
					+ "the transaction, which gives up fail-closed auditing; or one row per transaction). ");
		}
		return text.toString();
	}

	private static Optional<String> writeCosts(RunResults results) {
		List<WriteCost> costs = results.writeCosts();
		if (costs.size() < 3) {
			return Optional.empty();
		}
		double insert = costs.get(0).medianMillis();
		double keyOnly = costs.get(1).medianMillis();
		double copy = costs.get(2).medianMillis();
		return Optional.of(String.format(Locale.ROOT,
				"Levers on the write itself, measured in this run: 100 entries cost the database %.2f ms with a "
						+ "multi-row `INSERT` into a table with `auditlog_logentry`'s btree indexes (migration V6 "
						+ "dropped `(model, object_id)`, which no read used), %.2f ms into a table with only its primary "
						+ "key (%.0f%% less), and %.2f ms with `COPY` (%.0f%% less), which the starter sends on "
						+ "PostgreSQL from 50 entries on (at 1 and 10 entries the `INSERT` is as cheap or cheaper, see "
						+ "the table below). Each remaining index backs a read: history, the endpoint's model, actor, "
						+ "cid and time-range pages, retention and sealing. ",
				insert, keyOnly, 100 * (1 - keyOnly / insert), copy, 100 * (1 - copy / insert)));
	}

	private static String javers(RunResults results, Workload workload, double goal) {
		ThroughputResults.Spread javers = results.throughput().ratio(workload, Variant.JAVERS, Variant.UNAUDITED);
		if (javers.count() == 0 || javers.median() <= 0) {
			return "";
		}
		double ceiling = 1 / javers.median();
		return String.format(Locale.ROOT,
				"JaVers ran at %.2f of unaudited here, so even an auditlog as fast as no auditing would reach only "
						+ "%.1f× JaVers: the target assumes JaVers at about 0.05 of unaudited, which holds where a "
						+ "transaction commits many objects, not where each changes one and the unaudited work itself "
						+ "dominates. %s",
				javers.median(), ceiling, (ceiling < goal) ? "No change to auditlog can reach it on this workload."
						: "The rest of the gap is auditlog's own cost, as in the rows above.");
	}

}
