package dev.auditlog.benchmarks.report;

import java.util.List;

/**
 * Where and how a benchmark run ran, for the head of the report.
 *
 * @param command the command that ran it
 * @param mode {@code quick} or {@code full}
 * @param started when it started (UTC)
 * @param seconds how long it took
 * @param machine the machine: processors, memory, CPU, operating system
 * @param versions the versions of what was measured
 * @param database where the database lives
 * @param load the load averages seen at the start and the end of the run
 */
public record RunEnvironment(String command, String mode, String started, long seconds, List<String> machine,
		List<String> versions, List<String> database, String load) {

}
