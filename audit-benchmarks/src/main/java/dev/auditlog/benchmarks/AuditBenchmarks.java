package dev.auditlog.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.auditlog.benchmarks.database.BenchmarkDatabase;
import dev.auditlog.benchmarks.database.BenchmarkDatabases;
import dev.auditlog.benchmarks.diff.DiffBenchmarks;
import dev.auditlog.benchmarks.report.DiffScore;
import dev.auditlog.benchmarks.report.HeapSample;
import dev.auditlog.benchmarks.report.QueryResults;
import dev.auditlog.benchmarks.report.ResultsReport;
import dev.auditlog.benchmarks.report.RunEnvironment;
import dev.auditlog.benchmarks.report.RunResults;
import dev.auditlog.benchmarks.report.ThroughputResults;
import dev.auditlog.benchmarks.report.WriteCost;
import dev.auditlog.benchmarks.variant.ItemStore;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.variant.VariantContext;
import dev.auditlog.benchmarks.workload.HeapPhase;
import dev.auditlog.benchmarks.workload.ProfilePhase;
import dev.auditlog.benchmarks.workload.QueryPhase;
import dev.auditlog.benchmarks.workload.ThroughputPhase;
import dev.auditlog.benchmarks.workload.Workload;
import dev.auditlog.benchmarks.workload.WorkloadRunner;
import dev.auditlog.benchmarks.workload.WriteCostPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark command: runs every phase against one PostgreSQL server and writes
 * {@code RESULTS.md}. Run it through Maven (see the module's README), or directly with
 * these system properties:
 * <ul>
 * <li>{@code bench.mode}: {@code quick} (default) or {@code full};</li>
 * <li>{@code bench.db}: {@code tmpfs}, {@code env} or empty (see
 * {@link BenchmarkDatabases});</li>
 * <li>{@code bench.output}: the report file, {@code RESULTS.md} by default;</li>
 * <li>{@code bench.phases}: a comma-separated subset of
 * {@code jmh,throughput,profile,heap,query}, all by default;</li>
 * <li>{@code bench.variants}: a comma-separated subset of the variants (unaudited is
 * always run), all by default;</li>
 * <li>{@code bench.workloads}: workload labels as the report shows them, separated by
 * {@code ;}, all by default.</li>
 * </ul>
 * The last two are for investigating; a report of a subset is not a complete
 * {@code RESULTS.md}.
 */
public final class AuditBenchmarks {

	private static final Logger logger = LoggerFactory.getLogger(AuditBenchmarks.class);

	private static final List<String> PHASES = List.of("jmh", "throughput", "profile", "heap", "query");

	private AuditBenchmarks() {
	}

	public static void main(String[] args) {
		try {
			run();
		}
		catch (Throwable ex) {
			logger.error("Benchmark run failed", ex);
			System.exit(1);
		}
		// the frameworks may leave threads behind
		System.exit(0);
	}

	private static void run() throws Exception {
		BenchmarkSettings settings = BenchmarkSettings.of(System.getProperty("bench.mode", "quick"));
		Path output = Path.of(System.getProperty("bench.output", "RESULTS.md"));
		String choice = System.getProperty("bench.db", "");
		Set<String> phases = phases(System.getProperty("bench.phases", ""));
		long started = System.nanoTime();
		String startedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(Instant.now().atOffset(ZoneOffset.UTC));
		String loadAtStart = RunFacts.loadAverage();
		logger.info("Benchmark run, mode {}, phases {}, writing {}", settings.mode(), phases, output.toAbsolutePath());
		List<String> notes = new ArrayList<>();
		try (BenchmarkDatabases databases = BenchmarkDatabases.open(choice)) {
			BenchmarkDatabase database = databases.database();
			List<String> databaseFacts = RunFacts.database(database);
			List<DiffScore> diff = phases.contains("jmh") ? DiffBenchmarks.run(settings) : List.of();
			List<Variant> variants = variants(System.getProperty("bench.variants", ""));
			List<Workload> workloads = workloads(System.getProperty("bench.workloads", ""));
			ThroughputResults throughput = new ThroughputResults(variants, workloads);
			ProfilePhase profile = new ProfilePhase(settings);
			List<HeapSample> heap = List.of();
			List<HeapSample> heapOneTransaction = List.of();
			List<WriteCost> writeCosts = List.of();
			List<VariantContext> contexts = new ArrayList<>();
			try (WorkloadRunner runner = new WorkloadRunner()) {
				if (phases.contains("throughput") || phases.contains("profile") || phases.contains("heap")) {
					for (Variant variant : variants) {
						contexts.add(VariantContext.start(variant, database, "bench_" + variant.id().replace('-', '_'),
								ItemStore.MAX_THREADS + 1, false, Map.of()));
					}
				}
				if (phases.contains("throughput")) {
					throughput = new ThroughputPhase(contexts, workloads, runner, settings).run();
				}
				if (phases.contains("profile")) {
					for (VariantContext context : contexts) {
						if (context.variant() != Variant.CONTROL) {
							profile.run(context);
						}
						if (context.variant() == Variant.AUDITLOG) {
							writeCosts = new WriteCostPhase().run(context, settings.writeRepetitions());
						}
					}
				}
				if (phases.contains("heap")) {
					for (VariantContext context : contexts) {
						if (context.variant() == Variant.AUDITLOG) {
							heap = new HeapPhase().run(context, settings.heapInserts());
							heapOneTransaction = new HeapPhase().runInOneTransaction(context, settings.heapInserts());
						}
					}
				}
			}
			finally {
				contexts.forEach(VariantContext::close);
			}
			QueryResults queries = phases.contains("query") ? new QueryPhase(settings).run(database)
					: new QueryResults(0, List.of(), List.of("The query phase did not run."));
			notes.addAll(Notes.of(variants));
			RunEnvironment environment = new RunEnvironment(command(settings, choice), settings.mode(), startedAt,
					(System.nanoTime() - started) / 1_000_000_000, RunFacts.machine(), RunFacts.versions(),
					databaseFacts, loadAtStart + " → " + RunFacts.loadAverage());
			ResultsReport.write(new RunResults(environment, throughput, profile.statements(), profile.sizes(),
					writeCosts, heap, settings.heapInserts(), heapOneTransaction, queries, diff, notes), output);
		}
		logger.info("Benchmark run done in {} s: {}", (System.nanoTime() - started) / 1_000_000_000,
				output.toAbsolutePath());
	}

	private static Set<String> phases(String value) {
		if (value.isBlank()) {
			return Set.copyOf(PHASES);
		}
		Set<String> phases = Arrays.stream(value.split(","))
			.map((phase) -> phase.trim().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		for (String phase : phases) {
			if (!PHASES.contains(phase)) {
				throw new IllegalArgumentException("bench.phases may name " + PHASES + ", not '" + phase + "'");
			}
		}
		return phases;
	}

	private static List<Variant> variants(String value) {
		if (value.isBlank()) {
			return List.of(Variant.values());
		}
		Set<String> ids = Arrays.stream(value.split(","))
			.map(String::trim)
			.collect(Collectors.toCollection(HashSet::new));
		ids.add(Variant.UNAUDITED.id());
		List<Variant> variants = Arrays.stream(Variant.values())
			.filter((variant) -> ids.contains(variant.id()))
			.toList();
		if (variants.size() != ids.size()) {
			throw new IllegalArgumentException("bench.variants may name "
					+ Arrays.stream(Variant.values()).map(Variant::id).toList() + ", not '" + value + "'");
		}
		return variants;
	}

	private static List<Workload> workloads(String value) {
		if (value.isBlank()) {
			return Workload.all();
		}
		Set<String> labels = Arrays.stream(value.split(";")).map(String::trim).collect(Collectors.toSet());
		List<Workload> workloads = Workload.all().stream().filter((w) -> labels.contains(w.label())).toList();
		if (workloads.size() != labels.size()) {
			throw new IllegalArgumentException("bench.workloads may name "
					+ Workload.all().stream().map(Workload::label).toList() + ", not '" + value + "'");
		}
		return workloads;
	}

	private static String command(BenchmarkSettings settings, String choice) {
		return "./mvnw -B -pl audit-benchmarks -am -Pbenchmarks -DskipTests verify -Dbench.mode=" + settings.mode()
				+ (choice.isBlank() ? "" : " -Dbench.db=" + choice);
	}

}
