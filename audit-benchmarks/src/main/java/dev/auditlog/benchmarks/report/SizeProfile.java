package dev.auditlog.benchmarks.report;

import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.workload.Operation;

/**
 * How much a variant's audit tables grew for some changes of one operation.
 *
 * @param variant the variant
 * @param operation the operation
 * @param changes the changes made
 * @param bytes the growth of the audit tables, indexes and TOAST included
 */
public record SizeProfile(Variant variant, Operation operation, long changes, long bytes) {

	/**
	 * Return the audit bytes per change.
	 * @return bytes per change
	 */
	public double bytesPerChange() {
		return (double) this.bytes / this.changes;
	}

}
