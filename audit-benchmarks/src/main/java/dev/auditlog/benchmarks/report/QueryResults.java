package dev.auditlog.benchmarks.report;

import java.util.List;

/**
 * The read latencies of the audit log at a given size.
 *
 * @param entries the entries in the table
 * @param latencies the latencies of each kind of read
 * @param notes what could not be measured, and why
 */
public record QueryResults(long entries, List<Latency> latencies, List<String> notes) {

}
