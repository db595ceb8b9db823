package dev.auditlog.benchmarks.report;

/**
 * The time one way of writing a transaction's audit entries takes, in the database.
 *
 * @param how the statement and table
 * @param entries the entries written each time
 * @param nanos the samples, one per transaction
 */
public record WriteCost(String how, int entries, long[] nanos) {

	/**
	 * Return the median time per write.
	 * @return milliseconds
	 */
	public double medianMillis() {
		long[] sorted = this.nanos.clone();
		java.util.Arrays.sort(sorted);
		return (sorted.length == 0) ? Double.NaN : sorted[sorted.length / 2] / 1e6;
	}

}
