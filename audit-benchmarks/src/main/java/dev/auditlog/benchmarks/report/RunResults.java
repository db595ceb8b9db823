package dev.auditlog.benchmarks.report;

import java.util.List;

/**
 * Everything one benchmark run measured.
 *
 * @param environment where and how it ran
 * @param throughput the throughput of every workload on every variant
 * @param statements the statements and round trips of every operation on every variant
 * @param sizes the audit bytes per change of every operation on every variant
 * @param writeCosts what auditlog's write of a transaction costs the database, taken
 * apart
 * @param heap the heap along many audited inserts
 * @param heapInserts the audited inserts of the heap phase
 * @param heapOneTransaction the heap along audited inserts in one transaction, flushed
 * and cleared every 1,000 inserts
 * @param queries the read latencies
 * @param diff the JMH scores of the diff engine
 * @param notes what went differently than planned
 */
public record RunResults(RunEnvironment environment, ThroughputResults throughput, List<StatementProfile> statements,
		List<SizeProfile> sizes, List<WriteCost> writeCosts, List<HeapSample> heap, int heapInserts,
		List<HeapSample> heapOneTransaction, QueryResults queries, List<DiffScore> diff, List<String> notes) {

}
