package dev.auditlog.benchmarks.report;

import java.util.List;
import java.util.Map;

import dev.auditlog.benchmarks.variant.StatementCounter.Counts;
import dev.auditlog.benchmarks.variant.StatementCounter.StatementTime;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.workload.Measurement;
import dev.auditlog.benchmarks.workload.Operation;
import dev.auditlog.benchmarks.workload.Workload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a report of made-up figures: every section is there, ratios are taken round by
 * round, and a missed target is explained.
 */
class ResultsReportTests {

	@Test
	void rendersTargetsTablesAndCausesOfMisses() {
		List<Variant> variants = List.of(Variant.values());
		List<Workload> workloads = Workload.all();
		ThroughputResults throughput = new ThroughputResults(variants, workloads);
		for (Workload workload : workloads) {
			for (int round = 0; round < 3; round++) {
				throughput.add(workload, Variant.UNAUDITED, measurement(1000 + round, 0));
				throughput.add(workload, Variant.CONTROL, measurement(1000, 0));
				throughput.add(workload, Variant.AUDITLOG, measurement(700, 200_000));
				throughput.add(workload, Variant.ENVERS, measurement(500, 0));
				throughput.add(workload, Variant.JAVERS, measurement(50, 0));
				throughput.add(workload, Variant.HIBERNATE_AUDITED, measurement(500, 0));
			}
		}
		Map<String, StatementTime> times = Map.of("insert into auditlog_logentry",
				new StatementTime(1, 100, 2_000_000));
		List<StatementProfile> statements = List.of(
				new StatementProfile(Variant.UNAUDITED, Operation.CREATE, 100, 2,
						new Counts(18, 604, 4, 600, 0, 0, Map.of())),
				new StatementProfile(Variant.AUDITLOG, Operation.CREATE, 100, 2,
						new Counts(20, 606, 4, 602, 0, 0, times)));
		RunResults results = new RunResults(
				new RunEnvironment("./mvnw …", "quick", "2026-01-01 00:00", 1, List.of("2 processors"), List.of("x 1"),
						List.of("tmpfs"), "1 1 1 → 1 1 1"),
				throughput, statements,
				List.of(new SizeProfile(Variant.UNAUDITED, Operation.CREATE, 1000, 0, 600_000),
						new SizeProfile(Variant.AUDITLOG, Operation.CREATE, 1000, 600_000, 1_800_000)),
				List.of(new WriteCost("insert", 100, new long[] { 2_000_000 }),
						new WriteCost("key", 100, new long[] { 1_000_000 }),
						new WriteCost("copy", 100, new long[] { 1_200_000 })),
				List.of(new HeapSample(0, 50L << 20, 0), new HeapSample(1000, 60L << 20, 1_000_000_000),
						new HeapSample(2000, 61L << 20, 2_000_000_000)),
				2000,
				List.of(new HeapSample(0, 50L << 20, 0), new HeapSample(1000, 52L << 20, 1_000_000_000),
						new HeapSample(2000, 52L << 20, 2_000_000_000)),
				new QueryResults(1_000_000,
						List.of(Latency.of("history of one object (20 entries)", "`AuditLog#history(entity)`",
								List.of(1_000_000L, 2_000_000L))),
						List.of()),
				List.of(new DiffScore("updateOneOfTenFields", 300, 10, "ns/op")), List.of("a note"));
		String report = ResultsReport.render(results);
		assertThat(report).contains("## Targets", "## Throughput", "## SQL per change", "## Audit bytes per change",
				"## Where the time of a transaction goes", "## auditlog: heap", "## auditlog: reading",
				"## Diff engine (JMH)", "## Notes");
		assertThat(report).contains("| auditlog / unaudited, updates at 100 changes/tx | ≥ 0.90 | lowest 0.70");
		assertThat(report).contains("### Missed targets").contains("1.20 ms with `COPY` (40% less)");
		assertThat(report).contains("| history of one object | p95 < 5 ms at 1,000,000 entries | p95 2.00 ms");
		assertThat(report).contains("On one thread a transaction of 100 takes");
		assertThat(report).contains("### Write-ahead log per change").contains("| create | 600 | 1800 |");
	}

	/**
	 * One second of transactions at the given rate, each of one change, spending a
	 * millisecond in JDBC and the given time writing auditlog's entries.
	 */
	private static Measurement measurement(long changesPerSecond, long auditlogWriteNanos) {
		return new Measurement(changesPerSecond, changesPerSecond, 1_000_000_000, 1_000_000_000,
				changesPerSecond * 1_000_000 / 4, changesPerSecond * auditlogWriteNanos / 1000);
	}

}
