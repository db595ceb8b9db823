package dev.auditlog.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.workload.Measurement;
import dev.auditlog.benchmarks.workload.Workload;

/**
 * The throughput of every workload on every variant, one figure per measured round, and
 * the statistics the report shows of them.
 */
public final class ThroughputResults {

	private final List<Variant> variants;

	private final List<Workload> workloads;

	private final Map<Workload, Map<Variant, List<Measurement>>> rounds = new LinkedHashMap<>();

	public ThroughputResults(List<Variant> variants, List<Workload> workloads) {
		this.variants = List.copyOf(variants);
		this.workloads = List.copyOf(workloads);
	}

	/**
	 * Record what one round measured.
	 * @param workload the workload
	 * @param variant the variant
	 * @param measurement the measurement
	 */
	public void add(Workload workload, Variant variant, Measurement measurement) {
		this.rounds.computeIfAbsent(workload, (key) -> new LinkedHashMap<>())
			.computeIfAbsent(variant, (key) -> new ArrayList<>())
			.add(measurement);
	}

	public List<Variant> variants() {
		return this.variants;
	}

	public List<Workload> workloads() {
		return this.workloads;
	}

	/**
	 * Return the throughput of a workload on a variant over the rounds.
	 * @param workload the workload
	 * @param variant the variant
	 * @return the median and spread of the rounds' throughput
	 */
	public Spread throughput(Workload workload, Variant variant) {
		return Spread.of(rounds(workload, variant));
	}

	/**
	 * Return the ratio of two variants' throughput on a workload: the ratio of each round
	 * (the two measured seconds apart), then their median and spread.
	 * @param workload the workload
	 * @param variant the variant
	 * @param reference the variant it is compared to
	 * @return the median and spread of the rounds' ratios
	 */
	public Spread ratio(Workload workload, Variant variant, Variant reference) {
		List<Double> values = rounds(workload, variant);
		List<Double> references = rounds(workload, reference);
		double[] ratios = new double[Math.min(values.size(), references.size())];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = values.get(i) / references.get(i);
		}
		return Spread.of(Arrays.stream(ratios).boxed().toList());
	}

	/**
	 * Return a figure of a workload on a variant over the rounds.
	 * @param workload the workload
	 * @param variant the variant
	 * @param figure the figure of one round
	 * @return its median and spread
	 */
	public Spread figure(Workload workload, Variant variant, ToDoubleFunction<Measurement> figure) {
		return Spread.of(measurements(workload, variant).stream().map(figure::applyAsDouble).toList());
	}

	private List<Double> rounds(Workload workload, Variant variant) {
		return measurements(workload, variant).stream().map(Measurement::changesPerSecond).toList();
	}

	private List<Measurement> measurements(Workload workload, Variant variant) {
		return this.rounds.getOrDefault(workload, Map.of()).getOrDefault(variant, List.of());
	}

	/**
	 * The median of some figures and how far they spread.
	 *
	 * @param median the median
	 * @param min the smallest
	 * @param max the largest
	 * @param count how many figures
	 */
	public record Spread(double median, double min, double max, int count) {

		static Spread of(List<Double> values) {
			if (values.isEmpty()) {
				return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
			}
			double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			int middle = sorted.length / 2;
			double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
			return new Spread(median, sorted[0], sorted[sorted.length - 1], sorted.length);
		}

		/**
		 * Return half the range of the figures, relative to their median.
		 * @return the spread, 0.05 for ±5%
		 */
		public double relativeSpread() {
			return (this.median != 0) ? (this.max - this.min) / 2 / this.median : 0;
		}

	}

}
