package dev.auditlog.benchmarks.report;

/**
 * The heap after a full garbage collection, some inserts into an audited run.
 *
 * @param inserts the audited inserts so far
 * @param heapBytes the heap in use after the collection
 * @param nanos the time since the first insert
 */
public record HeapSample(long inserts, long heapBytes, long nanos) {

}
