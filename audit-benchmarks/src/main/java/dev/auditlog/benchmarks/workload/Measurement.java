package dev.auditlog.benchmarks.workload;

/**
 * What one timed run of a workload achieved.
 *
 * @param changes the items changed
 * @param transactions the transactions committed
 * @param nanos the time from the start until the last thread finished
 * @param threadNanos the time each thread ran, added up
 * @param jdbcNanos the time spent in JDBC executions, all threads added up
 * @param auditlogWriteNanos of that, the time spent writing auditlog's entries
 */
public record Measurement(long changes, long transactions, long nanos, long threadNanos, long jdbcNanos,
		long auditlogWriteNanos) {

	/**
	 * Return the throughput.
	 * @return changes per second
	 */
	public double changesPerSecond() {
		return (this.nanos > 0) ? this.changes * 1e9 / this.nanos : 0;
	}

	/**
	 * Return the thread time of a transaction.
	 * @return milliseconds per transaction
	 */
	public double millisPerTransaction() {
		return this.threadNanos / 1e6 / this.transactions;
	}

	/**
	 * Return the time of a transaction spent in JDBC executions (the commit excluded).
	 * @return milliseconds per transaction
	 */
	public double jdbcMillisPerTransaction() {
		return this.jdbcNanos / 1e6 / this.transactions;
	}

	/**
	 * Return the time of a transaction spent writing auditlog's entries.
	 * @return milliseconds per transaction
	 */
	public double auditlogWriteMillisPerTransaction() {
		return this.auditlogWriteNanos / 1e6 / this.transactions;
	}

}
