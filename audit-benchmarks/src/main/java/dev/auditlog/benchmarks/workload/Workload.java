package dev.auditlog.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * One operation, made so many changes to a transaction, on so many threads at once.
 *
 * @param operation what each transaction does
 * @param changesPerTransaction the items each transaction changes
 * @param threads the threads running transactions at once
 */
public record Workload(Operation operation, int changesPerTransaction, int threads) {

	/**
	 * Return the workloads of a run, in the order they run: creates before deletes (a
	 * delete workload deletes items created for it just before).
	 * @return the workloads
	 */
	public static List<Workload> all() {
		List<Workload> workloads = new ArrayList<>();
		for (int changes : new int[] { 1, 100 }) {
			for (int threads : new int[] { 1, 8 }) {
				for (Operation operation : List.of(Operation.CREATE, Operation.UPDATE_ONE, Operation.UPDATE_FIVE,
						Operation.DELETE)) {
					workloads.add(new Workload(operation, changes, threads));
				}
			}
			workloads.add(new Workload(Operation.M2M, changes, 1));
		}
		return workloads;
	}

	/**
	 * Return how the report names this workload.
	 * @return the label
	 */
	public String label() {
		return this.operation.label() + ", " + this.changesPerTransaction + "/tx, " + this.threads
				+ ((this.threads != 1) ? " threads" : " thread");
	}

}
