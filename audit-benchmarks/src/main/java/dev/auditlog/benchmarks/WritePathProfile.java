package dev.auditlog.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.management.ThreadMXBean;
import dev.auditlog.benchmarks.database.BenchmarkDatabase;
import dev.auditlog.benchmarks.database.BenchmarkDatabases;
import dev.auditlog.benchmarks.variant.ItemStore;
import dev.auditlog.benchmarks.variant.StatementCounter.Counts;
import dev.auditlog.benchmarks.variant.Variant;
import dev.auditlog.benchmarks.variant.VariantContext;
import dev.auditlog.benchmarks.workload.Operation;
import dev.auditlog.benchmarks.workload.WorkloadRunner;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A profile of auditlog's write path: the same workload (by default 100 updates of five
 * fields per transaction) on the unaudited and the auditlog variant, in interleaved
 * rounds on the calling thread, with what auditlog adds per entry measured in ways that
 * hold on a loaded machine: CPU time and allocated bytes of the thread
 * ({@code ThreadMXBean}), JVM time outside JDBC (wall time minus the time in JDBC
 * executions), statements; and a Java Flight Recorder profile of the auditlog rounds
 * whose execution samples are aggregated into the methods auditlog's time goes to. Run:
 *
 * <pre>
 * ./mvnw -B -pl audit-benchmarks -am -Pbenchmarks -DskipTests verify \
 *     -Dbench.main=dev.auditlog.benchmarks.WritePathProfile -Dbench.output=/tmp/profile.md
 * </pre>
 *
 * System properties of the profiling JVM (defaults as given):
 * {@code bench.profile.operation} ({@code UPDATE_FIVE}, or another {@link Operation}),
 * {@code bench.profile.size} (100), {@code bench.profile.rounds} (6),
 * {@code bench.profile.seconds} (3 per round and variant), {@code bench.db} and
 * {@code bench.output} as for the benchmark.
 */
public final class WritePathProfile {

	private static final Logger logger = LoggerFactory.getLogger(WritePathProfile.class);

	private static final int TOP = 25;

	private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private WritePathProfile() {
	}

	public static void main(String[] args) {
		try {
			new WritePathProfile().run();
		}
		catch (Throwable ex) {
			logger.error("Profile failed", ex);
			System.exit(1);
		}
		System.exit(0);
	}

	private void run() throws Exception {
		Operation operation = Operation.valueOf(System.getProperty("bench.profile.operation", "UPDATE_FIVE"));
		int size = Integer.getInteger("bench.profile.size", 100);
		int rounds = Integer.getInteger("bench.profile.rounds", 6);
		Duration round = Duration.ofSeconds(Integer.getInteger("bench.profile.seconds", 3));
		Path output = Path.of(System.getProperty("bench.output", "target/write-path-profile.md"));
		Path jfr = Path.of("target/write-path-auditlog.jfr");
		String load = RunFacts.loadAverage();
		try (BenchmarkDatabases databases = BenchmarkDatabases.open(System.getProperty("bench.db", ""))) {
			BenchmarkDatabase database = databases.database();
			VariantContext unaudited = VariantContext.start(Variant.UNAUDITED, database, "bench_unaudited",
					ItemStore.MAX_THREADS + 1, false, Map.of());
			VariantContext auditlog = VariantContext.start(Variant.AUDITLOG, database, "bench_auditlog",
					ItemStore.MAX_THREADS + 1, false, Map.of());
			try {
				unaudited.prepare(1);
				auditlog.prepare(1);
				// warm-up, unrecorded
				measure(unaudited, operation, size, round);
				measure(auditlog, operation, size, round);
				Totals plain = new Totals();
				Totals audited = new Totals();
				List<Instant[]> windows = new ArrayList<>();
				try (Recording recording = new Recording()) {
					recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
					recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s");
					recording.start();
					for (int i = 0; i < rounds; i++) {
						plain.add(measure(unaudited, operation, size, round));
						Instant from = Instant.now();
						audited.add(measure(auditlog, operation, size, round));
						windows.add(new Instant[] { from, Instant.now() });
					}
					recording.stop();
					recording.dump(jfr);
				}
				Files.writeString(output, report(operation, size, rounds, round, plain, audited, jfr, windows, load));
				logger.info("Write path profile written to {}", output.toAbsolutePath());
			}
			finally {
				auditlog.close();
				unaudited.close();
			}
		}
	}

	private Sample measure(VariantContext variant, Operation operation, int size, Duration duration) {
		long thread = Thread.currentThread().getId();
		List<Long> items = variant.pool().subList(0, size);
		List<Long> deletable = (operation == Operation.DELETE) ? new ArrayList<>(variant.createItems(50_000)) : null;
		variant.counter().start();
		long cpu = this.threads.getThreadCpuTime(thread);
		long allocated = this.threads.getThreadAllocatedBytes(thread);
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		long changes = 0;
		long transactions = 0;
		int next = 0;
		while (System.nanoTime() < deadline) {
			List<Long> changed = items;
			if (deletable != null) {
				if (next + size > deletable.size()) {
					break;
				}
				changed = deletable.subList(next, next + size);
				next += size;
			}
			WorkloadRunner.runTransaction(variant, operation, changed, size);
			changes += size;
			transactions++;
		}
		long wall = System.nanoTime() - started;
		cpu = this.threads.getThreadCpuTime(thread) - cpu;
		allocated = this.threads.getThreadAllocatedBytes(thread) - allocated;
		Counts counts = variant.counter().stop();
		return new Sample(changes, transactions, wall, cpu, allocated, counts.nanos(), counts.auditlogWriteNanos(),
				counts.statements(), counts.executions());
	}

	private String report(Operation operation, int size, int rounds, Duration round, Totals plain, Totals audited,
			Path jfr, List<Instant[]> windows, String load) throws IOException {
		StringBuilder out = new StringBuilder();
		out.append("# auditlog write path profile\n\n");
		out.append(String.format(Locale.ROOT,
				"Workload: %s, %d per transaction, one thread; %d interleaved rounds of %d s per variant after a "
						+ "warm-up round. Taken %s; load average %s → %s.%n%n",
				operation.label(), size, rounds, round.toSeconds(), Instant.now(), load, RunFacts.loadAverage()));
		out.append("| per change | unaudited | auditlog | auditlog − unaudited |\n|---|---:|---:|---:|\n");
		row(out, "wall time, µs", plain.perChange(plain.wall) / 1000, audited.perChange(audited.wall) / 1000);
		row(out, "in JDBC executions, µs", plain.perChange(plain.jdbc) / 1000, audited.perChange(audited.jdbc) / 1000);
		row(out, "of which auditlog's INSERT, µs", 0, audited.perChange(audited.insert) / 1000);
		row(out, "JVM time outside JDBC, µs", plain.perChange(plain.wall - plain.jdbc) / 1000,
				audited.perChange(audited.wall - audited.jdbc) / 1000);
		row(out, "CPU time of the thread, µs", plain.perChange(plain.cpu) / 1000,
				audited.perChange(audited.cpu) / 1000);
		row(out, "allocated bytes", plain.perChange(plain.allocated), audited.perChange(audited.allocated));
		row(out, "SQL statements", plain.perChange(plain.statements), audited.perChange(audited.statements));
		row(out, "round trips (per transaction)", plain.perTransaction(plain.executions),
				audited.perTransaction(audited.executions));
		out.append(String.format(Locale.ROOT, "%nChanges measured: unaudited %,d, auditlog %,d.%n%n", plain.changes,
				audited.changes));
		out.append("CPU time includes the JDBC driver's work on the thread (encoding, parsing); JVM time outside "
				+ "JDBC is wall time minus the time inside JDBC executions, so it includes the commit and "
				+ "waiting for a core on a loaded machine.\n\n");
		frames(out, jfr, windows);
		return out.toString();
	}

	private static void row(StringBuilder out, String label, double plain, double audited) {
		out.append(
				String.format(Locale.ROOT, "| %s | %,.2f | %,.2f | %,.2f |%n", label, plain, audited, audited - plain));
	}

	/**
	 * Aggregate the execution samples of the recording (the auditlog rounds only): the
	 * share of samples with an auditlog frame on the stack, the auditlog methods by
	 * inclusive samples, and the top frames under them.
	 */
	private static void frames(StringBuilder out, Path jfr, List<Instant[]> windows) throws IOException {
		if (!Files.exists(jfr)) {
			out.append("No flight recording was written.\n");
			return;
		}
		String thread = Thread.currentThread().getName();
		long samples = 0;
		long auditlog = 0;
		Map<String, Long> inclusive = new HashMap<>();
		Map<String, Long> selfUnderAuditlog = new HashMap<>();
		Map<String, Long> selfAll = new HashMap<>();
		Map<String, Long> allocatedBy = new HashMap<>();
		long allocated = 0;
		long allocatedUnderAuditlog = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
			if (!inside(event.getStartTime(), windows)) {
				continue;
			}
			if (event.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
				if (event.getThread("eventThread") == null
						|| !thread.equals(event.getThread("eventThread").getJavaName())
						|| event.getStackTrace() == null) {
					continue;
				}
				long weight = event.getLong("weight");
				allocated += weight;
				String innermost = innermostAuditlogFrame(event.getStackTrace());
				if (innermost != null) {
					allocatedUnderAuditlog += weight;
					allocatedBy.merge(innermost, weight, Long::sum);
				}
				continue;
			}
			if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
				continue;
			}
			if (event.getThread("sampledThread") == null
					|| !thread.equals(event.getThread("sampledThread").getJavaName())) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			samples++;
			List<RecordedFrame> frames = stack.getFrames();
			String top = name(frames.get(0));
			selfAll.merge(top, 1L, Long::sum);
			boolean inAuditlog = false;
			java.util.Set<String> seen = new java.util.HashSet<>();
			for (RecordedFrame frame : frames) {
				String name = name(frame);
				if (name.startsWith("dev.auditlog.") && !name.startsWith("dev.auditlog.benchmarks.")) {
					inAuditlog = true;
					if (seen.add(name)) {
						inclusive.merge(name, 1L, Long::sum);
					}
				}
			}
			if (inAuditlog) {
				auditlog++;
				selfUnderAuditlog.merge(top, 1L, Long::sum);
			}
		}
		out.append(String.format(Locale.ROOT,
				"## Flight recording of the auditlog rounds%n%nExecution samples of the benchmark thread (1 ms "
						+ "period): %,d; with a frame of auditlog (`dev.auditlog`, not the benchmark) on the stack: "
						+ "%,d (%.1f%%). Samples cover Java code running; waiting on the database is not sampled.%n%n",
				samples, auditlog, (samples > 0) ? 100.0 * auditlog / samples : 0));
		table(out, "auditlog methods, by samples with the method on the stack", inclusive, samples);
		table(out, "Top frames under auditlog, by own samples", selfUnderAuditlog, samples);
		table(out, "Top frames of the whole thread, by own samples", selfAll, samples);
		out.append(String.format(Locale.ROOT,
				"## Allocation in the auditlog rounds%n%nAllocation samples of the benchmark thread "
						+ "(`jdk.ObjectAllocationSample`, each weighted by the bytes it stands for): %,d MB; with a "
						+ "frame of auditlog on the stack: %,d MB (%.1f%%).%n%n",
				allocated / 1_000_000, allocatedUnderAuditlog / 1_000_000,
				(allocated > 0) ? 100.0 * allocatedUnderAuditlog / allocated : 0));
		out.append("### Bytes allocated under auditlog, by the innermost auditlog method on the stack\n\n"
				+ "| method | MB | share of auditlog's |\n|---|---:|---:|\n");
		long total = allocatedUnderAuditlog;
		allocatedBy.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(TOP)
			.forEach((entry) -> out.append(String.format(Locale.ROOT, "| `%s` | %,.1f | %.1f%% |%n", entry.getKey(),
					entry.getValue() / 1e6, (total > 0) ? 100.0 * entry.getValue() / total : 0)));
		out.append('\n');
	}

	private static @Nullable String innermostAuditlogFrame(RecordedStackTrace stack) {
		for (RecordedFrame frame : stack.getFrames()) {
			String name = name(frame);
			if (name.startsWith("dev.auditlog.") && !name.startsWith("dev.auditlog.benchmarks.")) {
				return name;
			}
		}
		return null;
	}

	private static void table(StringBuilder out, String title, Map<String, Long> counts, long samples) {
		out.append("### ").append(title).append("\n\n| method | samples | share |\n|---|---:|---:|\n");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(TOP)
			.forEach((entry) -> out.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f%% |%n", entry.getKey(),
					entry.getValue(), (samples > 0) ? 100.0 * entry.getValue() / samples : 0)));
		out.append('\n');
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private record Sample(long changes, long transactions, long wall, long cpu, long allocated, long jdbc, long insert,
			long statements, long executions) {

	}

	private static final class Totals {

		long changes;

		long transactions;

		long wall;

		long cpu;

		long allocated;

		long jdbc;

		long insert;

		long statements;

		long executions;

		void add(Sample sample) {
			this.changes += sample.changes();
			this.transactions += sample.transactions();
			this.wall += sample.wall();
			this.cpu += sample.cpu();
			this.allocated += sample.allocated();
			this.jdbc += sample.jdbc();
			this.insert += sample.insert();
			this.statements += sample.statements();
			this.executions += sample.executions();
		}

		double perChange(long value) {
			return (this.changes > 0) ? (double) value / this.changes : 0;
		}

		double perTransaction(long value) {
			return (this.transactions > 0) ? (double) value / this.transactions : 0;
		}

	}

	private static boolean inside(Instant time, List<Instant[]> windows) {
		for (Instant[] window : windows) {
			if (!time.isBefore(window[0]) && !time.isAfter(window[1])) {
				return true;
			}
		}
		return false;
	}

}
