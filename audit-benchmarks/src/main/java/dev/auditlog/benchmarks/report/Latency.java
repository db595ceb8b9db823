package dev.auditlog.benchmarks.report;

import java.util.Arrays;
import java.util.List;

/**
 * The latency of one kind of read, over many samples.
 *
 * @param name what was read
 * @param how how it was read
 * @param nanos the samples
 */
public record Latency(String name, String how, long[] nanos) {

	/**
	 * Return a percentile of the samples.
	 * @param percentile the percentile, 50 for the median
	 * @return the latency in milliseconds
	 */
	public double percentileMillis(double percentile) {
		if (this.nanos.length == 0) {
			return Double.NaN;
		}
		long[] sorted = this.nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

	/**
	 * Return the latency of the given samples.
	 * @param name what was read
	 * @param how how it was read
	 * @param nanos the samples
	 * @return the latency
	 */
	public static Latency of(String name, String how, List<Long> nanos) {
		return new Latency(name, how, nanos.stream().mapToLong(Long::longValue).toArray());
	}

}
