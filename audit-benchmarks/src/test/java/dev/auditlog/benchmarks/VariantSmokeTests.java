package dev.auditlog.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.auditlog.benchmarks.variant.StatementCounter.Counts;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.variant.VariantContext;
import dev.auditlog.benchmarks.workload.Measurement;
import dev.auditlog.benchmarks.workload.Operation;
import dev.auditlog.benchmarks.workload.Workload;
import dev.auditlog.benchmarks.workload.WorkloadRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each variant for a handful of operations against the test database and checks that
 * it wrote its audit rows: what {@code ./mvnw verify} runs of the benchmarks. No timing
 * is asserted; the benchmark command measures.
 */
class VariantSmokeTests {

	private static WorkloadRunner runner;

	@BeforeAll
	static void runner() {
		runner = new WorkloadRunner();
	}

	@AfterAll
	static void stopRunner() {
		runner.close();
	}

	@ParameterizedTest
	@EnumSource(value = Variant.class, names = "CONTROL", mode = EnumSource.Mode.EXCLUDE)
	void everyOperationWritesAuditRows(Variant variant) {
		try (VariantContext context = VariantContext.start(variant, SmokeDatabase.get(),
				"bench_smoke_" + variant.id().replace('-', '_'), 3, false, Map.of())) {
			assertThat(context.auditTables()).containsAll(expectedTables(variant));
			context.prepare(1);
			for (Operation operation : Operation.values()) {
				List<Long> items = (operation == Operation.DELETE) ? context.createItems(2)
						: context.pool().subList(0, 2);
				long rowsBefore = context.auditRows();
				context.counter().start();
				WorkloadRunner.runTransaction(context, operation, items, 2);
				Counts counts = context.counter().stop();
				assertThat(counts.executions()).as("%s round trips", operation).isPositive();
				if (variant == Variant.UNAUDITED) {
					assertThat(context.auditRows()).isZero();
				}
				else {
					assertThat(context.auditRows()).as("%s audit rows of %s", variant.id(), operation)
						.isGreaterThan(rowsBefore);
				}
			}
			if (variant != Variant.UNAUDITED) {
				assertThat(context.auditBytes()).isPositive();
			}
			Measurement measurement = runner.run(context, new Workload(Operation.UPDATE_ONE, 2, 1),
					Duration.ofMillis(20), null);
			assertThat(measurement.changes()).isGreaterThanOrEqualTo(2);
			assertThat(measurement.transactions()).isPositive();
		}
	}

	private static List<String> expectedTables(Variant variant) {
		return switch (variant) {
			case UNAUDITED, CONTROL -> List.of();
			case AUDITLOG -> List.of("auditlog_logentry");
			case AUDITLOG_INTEGRITY -> List.of("auditlog_logentry", "auditlog_seal");
			case ENVERS -> List.of("item_aud", "item_tags_aud", "revinfo");
			case JAVERS -> List.of("jv_commit", "jv_global_id", "jv_snapshot");
			case HIBERNATE_AUDITED -> List.of("item_aud", "item_tags_aud", "revinfo");
		};
	}

}
