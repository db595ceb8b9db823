package dev.auditlog.benchmarks.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.benchmarks.BenchmarkSettings;
import dev.auditlog.benchmarks.report.ThroughputResults;
import dev.auditlog.benchmarks.variant.ItemStore;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.variant.VariantContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the throughput of every workload on every variant in interleaved rounds: in
 * each round every workload runs on every variant in turn (in an order that rotates from
 * workload to workload and round to round), so that a drift of the machine touches all
 * variants alike and a ratio is taken between runs seconds apart. A warm-up round comes
 * first and is not recorded.
 */
public final class ThroughputPhase {

	private static final Logger logger = LoggerFactory.getLogger(ThroughputPhase.class);

	private static final int MAX_DELETE_POOL = 200_000;

	private final List<VariantContext> variants;

	private final WorkloadRunner runner;

	private final BenchmarkSettings settings;

	private final List<Workload> workloads;

	private final Map<String, Double> lastRate = new HashMap<>();

	public ThroughputPhase(List<VariantContext> variants, List<Workload> workloads, WorkloadRunner runner,
			BenchmarkSettings settings) {
		this.variants = variants;
		this.workloads = workloads;
		this.runner = runner;
		this.settings = settings;
	}

	/**
	 * Run the rounds.
	 * @return the throughput of every workload on every variant in every measured round
	 */
	public ThroughputResults run() {
		List<Workload> workloads = this.workloads;
		ThroughputResults results = new ThroughputResults(this.variants.stream().map(VariantContext::variant).toList(),
				workloads);
		for (VariantContext variant : this.variants) {
			variant.prepare(ItemStore.MAX_THREADS);
		}
		for (int round = 0; round <= this.settings.rounds(); round++) {
			long started = System.nanoTime();
			Duration duration = (round == 0) ? this.settings.warmup() : this.settings.cell();
			for (VariantContext variant : this.variants) {
				variant.analyze();
			}
			for (int index = 0; index < workloads.size(); index++) {
				Workload workload = workloads.get(index);
				List<VariantContext> order = new ArrayList<>(this.variants);
				Collections.rotate(order, round + index);
				for (VariantContext variant : order) {
					List<Long> deletable = (workload.operation() == Operation.DELETE)
							? this.runner.createItems(variant, deletePoolSize(variant.variant(), workload, duration))
							: null;
					Measurement measurement = this.runner.run(variant, workload, duration, deletable);
					this.lastRate.put(key(variant.variant(), workload), measurement.changesPerSecond());
					logger.debug("round {} {} {}: {} changes/s", round, variant, workload.label(),
							Math.round(measurement.changesPerSecond()));
					if (round > 0) {
						results.add(workload, variant.variant(), measurement);
					}
				}
			}
			logger.info("Throughput round {} of {}{} done in {} s", round, this.settings.rounds(),
					(round == 0) ? " (warm-up, not recorded)" : "", (System.nanoTime() - started) / 1_000_000_000);
		}
		return results;
	}

	/**
	 * Return enough items for a delete workload to run its time: the last rate of the
	 * same workload, else that of the creates of the same shape, with a margin.
	 */
	private int deletePoolSize(Variant variant, Workload workload, Duration duration) {
		Double rate = this.lastRate.get(key(variant, workload));
		if (rate == null) {
			rate = this.lastRate.get(
					key(variant, new Workload(Operation.CREATE, workload.changesPerTransaction(), workload.threads())));
		}
		int unit = workload.threads() * workload.changesPerTransaction();
		double wanted = (rate != null) ? rate * duration.toNanos() / 1e9 * 1.2 : unit * 10;
		int units = (int) Math.ceil(Math.min(wanted, MAX_DELETE_POOL) / unit);
		return Math.max(1, units) * unit;
	}

	private static String key(@Nullable Variant variant, Workload workload) {
		return variant + " " + workload;
	}

}
