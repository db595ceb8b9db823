package dev.auditlog.benchmarks.report;

import dev.auditlog.benchmarks.variant.StatementCounter.Counts;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.workload.Operation;

/**
 * What a variant sent to the database for some transactions of one operation.
 *
 * @param variant the variant
 * @param operation the operation
 * @param changesPerTransaction the changes in each transaction
 * @param transactions the transactions counted
 * @param counts what was sent
 */
public record StatementProfile(Variant variant, Operation operation, int changesPerTransaction, int transactions,
		Counts counts) {

	long changes() {
		return (long) this.transactions * this.changesPerTransaction;
	}

	/**
	 * Return the SQL statements per change.
	 * @return statements per change
	 */
	public double statementsPerChange() {
		return (double) this.counts.statements() / changes();
	}

	/**
	 * Return the {@code SELECT}s per change.
	 * @return selects per change
	 */
	public double selectsPerChange() {
		return (double) this.counts.selects() / changes();
	}

	/**
	 * Return the round trips per transaction: the JDBC executions, and the commit.
	 * @return round trips per transaction
	 */
	public double roundTripsPerTransaction() {
		return (double) this.counts.executions() / this.transactions + 1;
	}

}
