package dev.auditlog.benchmarks.report;

import java.util.Optional;

import dev.auditlog.benchmarks.report.ThroughputResults.Spread;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.workload.Measurement;
import dev.auditlog.benchmarks.workload.Workload;

/**
 * auditlog's transaction against the unaudited one, taken apart from the medians of the
 * throughput rounds.
 *
 * @param unaudited the unaudited transaction, milliseconds
 * @param audited auditlog's transaction, milliseconds
 * @param write the {@code INSERT} of auditlog's entries, milliseconds
 * @param otherJdbc the rest of the extra time in JDBC, milliseconds
 * @param outsideJdbc the extra time outside JDBC, milliseconds
 */
record TransactionTime(double unaudited, double audited, double write, double otherJdbc, double outsideJdbc) {

	/**
	 * Take auditlog's transaction apart. Its time is the unaudited median divided by the
	 * median of the round-by-round ratio (the figure the throughput table shows), so that
	 * the parts add up to what the ratio says; the parts are the medians of their rounds.
	 */
	static Optional<TransactionTime> of(ThroughputResults throughput, Workload workload) {
		Spread unaudited = throughput.figure(workload, Variant.UNAUDITED, Measurement::millisPerTransaction);
		Spread ratio = throughput.ratio(workload, Variant.AUDITLOG, Variant.UNAUDITED);
		if (unaudited.count() == 0 || ratio.count() == 0 || ratio.median() <= 0) {
			return Optional.empty();
		}
		double audited = unaudited.median() / ratio.median();
		double unauditedJdbc = throughput.figure(workload, Variant.UNAUDITED, Measurement::jdbcMillisPerTransaction)
			.median();
		double auditedJdbc = throughput.figure(workload, Variant.AUDITLOG, Measurement::jdbcMillisPerTransaction)
			.median();
		double write = throughput.figure(workload, Variant.AUDITLOG, Measurement::auditlogWriteMillisPerTransaction)
			.median();
		double extraJdbc = auditedJdbc - unauditedJdbc;
		double extra = audited - unaudited.median();
		return Optional
			.of(new TransactionTime(unaudited.median(), audited, write, extraJdbc - write, extra - extraJdbc));
	}

	double extra() {
		return this.audited - this.unaudited;
	}

	String text() {
		return ResultsReport.millis(extra()) + " = " + ResultsReport.millis(this.write) + " + "
				+ ResultsReport.millis(this.otherJdbc) + " + " + ResultsReport.millis(this.outsideJdbc);
	}

}
