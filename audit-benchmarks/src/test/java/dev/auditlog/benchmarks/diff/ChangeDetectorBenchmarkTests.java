package dev.auditlog.benchmarks.diff;

import dev.auditlog.core.Changes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each benchmark method once, outside JMH, to show it measures what it says.
 */
class ChangeDetectorBenchmarkTests {

	private final ChangeDetectorBenchmark benchmark = new ChangeDetectorBenchmark();

	@Test
	void updateDiffFindsTheOneChangedField() {
		this.benchmark.setUp();
		Changes changes = this.benchmark.updateOneOfTenFields();
		assertThat(changes.size()).isOne();
		assertThat(changes.get("name")).isNotNull();
	}

	@Test
	void createDiffHasAllTenFields() {
		this.benchmark.setUp();
		assertThat(this.benchmark.createTenFields().size()).isEqualTo(10);
	}

	@Test
	void jsonHoldsTheChange() {
		this.benchmark.setUp();
		assertThat(this.benchmark.updateOneOfTenFieldsToJson()).contains("\"name\"").contains("renamed");
	}

}
