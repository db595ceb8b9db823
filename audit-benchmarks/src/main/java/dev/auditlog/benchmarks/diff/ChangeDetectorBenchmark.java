package dev.auditlog.benchmarks.diff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.auditlog.benchmarks.model.Status;
import dev.auditlog.core.Changes;
import dev.auditlog.diff.ChangeDetector;
import dev.auditlog.diff.EntityRef;
import dev.auditlog.diff.EntitySnapshot;
import dev.auditlog.diff.FieldPolicy;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The diff engine on the benchmark entity: ten fields (id, four strings, an integer, a
 * decimal, an enum, a date and a to-one reference), as the Hibernate listener hands them
 * over.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChangeDetectorBenchmark {

	private final ChangeDetector detector = new ChangeDetector();

	private @Nullable FieldPolicy policy;

	private @Nullable EntitySnapshot before;

	private @Nullable EntitySnapshot after;

	/**
	 * Build the policy and two snapshots that differ in one field.
	 */
	@Setup
	public void setUp() {
		this.policy = FieldPolicy.builder("Item")
			.field("id", Long.class)
			.field("name", String.class)
			.field("sku", String.class)
			.field("description", String.class)
			.field("email", String.class)
			.field("quantity", Integer.class)
			.field("price", BigDecimal.class)
			.field("status", Status.class)
			.field("dueDate", LocalDate.class)
			.field("category", EntityRef.class)
			.build();
		this.before = snapshot("item 42");
		this.after = snapshot("item 42, renamed");
	}

	private static EntitySnapshot snapshot(String name) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("id", 42L);
		values.put("name", name);
		values.put("sku", "SKU-42");
		values.put("description", "Benchmark item number 42, created by the audit-benchmarks suite");
		values.put("email", "buyer42@example.com");
		values.put("quantity", 42);
		values.put("price", new BigDecimal("10.42"));
		values.put("status", Status.ACTIVE);
		values.put("dueDate", LocalDate.of(2026, 2, 12));
		values.put("category", new EntityRef(3L, null));
		return new EntitySnapshot("Item", 42L, "", values);
	}

	/**
	 * Diff an update of one of ten fields.
	 * @return the changes
	 */
	@Benchmark
	public Changes updateOneOfTenFields() {
		return this.detector.diff(this.before, this.after, policy());
	}

	/**
	 * Diff a create: all ten fields from nothing.
	 * @return the changes
	 */
	@Benchmark
	public Changes createTenFields() {
		return this.detector.diff(null, this.after, policy());
	}

	/**
	 * Diff an update of one of ten fields and render it as the JSON that is stored.
	 * @return the JSON
	 */
	@Benchmark
	public String updateOneOfTenFieldsToJson() {
		return this.detector.diff(this.before, this.after, policy()).toJson();
	}

	private FieldPolicy policy() {
		if (this.policy == null) {
			throw new IllegalStateException("Not set up");
		}
		return this.policy;
	}

}
