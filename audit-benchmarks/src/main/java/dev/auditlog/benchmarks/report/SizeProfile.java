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
 * @param walBytes the write-ahead log PostgreSQL wrote meanwhile (the application's own
 * rows included), or -1 when not measured
 */
public record SizeProfile(Variant variant, Operation operation, long changes, long bytes, long walBytes) {

	/**
	 * A profile without the write-ahead log.
	 * @param variant the variant
	 * @param operation the operation
	 * @param changes the changes made
	 * @param bytes the growth of the audit tables
	 */
	public SizeProfile(Variant variant, Operation operation, long changes, long bytes) {
		this(variant, operation, changes, bytes, -1);
	}

	/**
	 * Return the audit bytes per change.
	 * @return bytes per change
	 */
	public double bytesPerChange() {
		return (double) this.bytes / this.changes;
	}

	/**
	 * Return the write-ahead log bytes per change.
	 * @return bytes per change, negative when not measured
	 */
	public double walPerChange() {
		return (this.walBytes < 0) ? -1 : (double) this.walBytes / this.changes;
	}

}
