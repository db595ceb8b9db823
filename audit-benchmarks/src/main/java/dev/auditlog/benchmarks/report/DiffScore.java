package dev.auditlog.benchmarks.report;

/**
 * A JMH result of the diff engine.
 *
 * @param benchmark what was measured
 * @param score the mean time per operation
 * @param error the half-width of the 99.9% confidence interval
 * @param unit the unit of score and error
 */
public record DiffScore(String benchmark, double score, double error, String unit) {

}
