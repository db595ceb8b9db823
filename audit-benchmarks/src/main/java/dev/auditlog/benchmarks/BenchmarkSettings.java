package dev.auditlog.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * How long and how much a benchmark run measures: {@code quick} (under 5 minutes on 2
 * cores) or {@code full} (under 30).
 *
 * @param mode {@code quick} or {@code full}
 * @param rounds the measured rounds of every workload on every variant (a warm-up round
 * comes first)
 * @param cell how long one workload runs on one variant in a round
 * @param warmup how long one workload runs on one variant in the warm-up round
 * @param profileTransactions the transactions whose statements are counted, per
 * operation, at 1 change per transaction (a fifth of them at 100)
 * @param sizeChanges the changes whose audit bytes are measured, per operation
 * @param writeRepetitions the timed writes of each kind in the write cost phase
 * @param heapInserts the inserts audited in chunks of {@link #HEAP_CHUNK} while the heap
 * is watched
 * @param queryEntries the entries in the table the read latencies are measured on
 * @param latencySamples the samples of each read latency
 * @param jmhForks JMH forks
 * @param jmhIterations JMH warm-up and measurement iterations, each
 * @param jmhIteration the time of one JMH iteration
 */
public record BenchmarkSettings(String mode, int rounds, Duration cell, Duration warmup, int profileTransactions,
		int sizeChanges, int writeRepetitions, int heapInserts, int queryEntries, int latencySamples, int jmhForks,
		int jmhIterations, Duration jmhIteration) {

	/** The inserts per transaction of the heap phase. */
	public static final int HEAP_CHUNK = 1000;

	/**
	 * Return the settings of a mode.
	 * @param mode {@code quick} or {@code full}
	 * @return the settings
	 */
	public static BenchmarkSettings of(String mode) {
		return switch (mode.toLowerCase(Locale.ROOT)) {
			case "quick" -> new BenchmarkSettings("quick", 5, Duration.ofMillis(125), Duration.ofMillis(75), 10, 500,
					30, 50_000, 1_000_000, 300, 1, 3, Duration.ofSeconds(1));
			case "full" -> new BenchmarkSettings("full", 7, Duration.ofMillis(1000), Duration.ofMillis(300), 50, 3000,
					200, 1_000_000, 1_000_000, 3000, 2, 5, Duration.ofSeconds(1));
			default -> throw new IllegalArgumentException("bench.mode must be quick or full, not '" + mode + "'");
		};
	}

}
