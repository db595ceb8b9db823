/**
 * The workloads and the phases of a benchmark run: throughput rounds, statement and size
 * profiles, heap and query latency.
 */
@NullMarked
package dev.auditlog.benchmarks.workload;

import org.jspecify.annotations.NullMarked;
