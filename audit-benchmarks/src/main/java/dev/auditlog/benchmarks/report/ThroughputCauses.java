package dev.auditlog.benchmarks.report;

import java.util.Locale;
import java.util.Optional;

import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.workload.Workload;

/**
 * Explains a missed throughput target with what the run measured about the workload: what
 * the variant sends beyond the reference, its audit bytes, and the noise floor, followed
 * by what would reach the target.
 */
final class ThroughputCauses {

	private ThroughputCauses() {
	}

	static String explain(RunResults results, Workload workload, Variant variant, Variant reference, double goal) {
		StringBuilder text = new StringBuilder();
		Optional<StatementProfile> measured = profile(results, variant, workload);
		Optional<StatementProfile> base = profile(results, reference, workload);
		if (measured.isPresent() && base.isPresent()) {
			text.append("per transaction of ")
				.append(workload.changesPerTransaction())
				.append(" ")
				.append(variant.id())
				.append(" sends ")
				.append(ResultsReport.number(measured.get().roundTripsPerTransaction()))
				.append(" round trips and ")
				.append(ResultsReport.number(measured.get().statementsPerChange() * workload.changesPerTransaction()))
				.append(" statements against ")
				.append(ResultsReport.number(base.get().roundTripsPerTransaction()))
				.append(" and ")
				.append(ResultsReport.number(base.get().statementsPerChange() * workload.changesPerTransaction()))
				.append(" for ")
				.append(reference.id())
				.append(". ");
		}
		if (variant == Variant.AUDITLOG && reference == Variant.UNAUDITED) {
			Workload single = new Workload(workload.operation(), workload.changesPerTransaction(), 1);
			TransactionTime.of(results.throughput(), single)
				.ifPresent((time) -> text.append(String.format(Locale.ROOT,
						"On one thread a transaction of %d takes %.2f ms against %.2f ms unaudited: %.2f ms more, of "
								+ "which %.2f ms the `INSERT` of its entries, %.2f ms other JDBC time and %.2f ms outside "
								+ "JDBC (auditlog's listeners, diff, JSON and parameter binding, and the allocation "
								+ "behind them, on 2 cores shared with PostgreSQL). ",
						workload.changesPerTransaction(), time.audited(), time.unaudited(), time.extra(), time.write(),
						time.otherJdbc(), time.outsideJdbc())));
		}
		ThroughputResults.Spread control = results.throughput().ratio(workload, Variant.CONTROL, Variant.UNAUDITED);
		if (control.count() > 0) {
			text.append("The control ran at ")
				.append(ResultsReport.ratio(control.median()))
				.append(" (")
				.append(ResultsReport.ratio(control.min()))
				.append("–")
				.append(ResultsReport.ratio(control.max()))
				.append(") of unaudited on this workload. ");
		}
		text.append(Remedies.of(results, workload, variant, reference, goal));
		return text.toString();
	}

	private static Optional<StatementProfile> profile(RunResults results, Variant variant, Workload workload) {
		return results.statements()
			.stream()
			.filter((p) -> p.variant() == variant && p.operation() == workload.operation()
					&& p.changesPerTransaction() == workload.changesPerTransaction())
			.findFirst();
	}

}
