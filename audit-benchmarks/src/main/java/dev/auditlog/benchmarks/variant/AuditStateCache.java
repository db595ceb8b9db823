package dev.auditlog.benchmarks.variant;

/**
 * In-memory state a variant keeps about its audit tables, evicted when the benchmark
 * empties them between rounds (JaVers caches the keys of its global id rows).
 */
@FunctionalInterface
public interface AuditStateCache {

	/**
	 * Forget what was cached about the audit tables.
	 */
	void evict();

}
