package dev.auditlog.benchmarks.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

import dev.auditlog.benchmarks.BenchmarkSettings;
import dev.auditlog.benchmarks.report.HeapSample;
import dev.auditlog.benchmarks.variant.VariantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits many inserts in transactions of {@link BenchmarkSettings#HEAP_CHUNK} and takes
 * the heap after a full collection at eleven points along the way: a heap that does not
 * grow with the number of audited changes keeps nothing of a transaction once it has
 * committed.
 */
public final class HeapPhase {

	private static final Logger logger = LoggerFactory.getLogger(HeapPhase.class);

	private static final int POINTS = 10;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	/**
	 * Run the inserts and take the heap.
	 * @param variant the variant (auditlog)
	 * @param inserts the number of inserts
	 * @return the heap after a collection before the first insert and at every tenth
	 */
	public List<HeapSample> run(VariantContext variant, int inserts) {
		variant.prepare(0);
		int chunks = Math.max(POINTS, inserts / BenchmarkSettings.HEAP_CHUNK);
		List<HeapSample> samples = new ArrayList<>();
		long started = System.nanoTime();
		samples.add(new HeapSample(0, heapAfterCollection(), 0));
		long done = 0;
		for (int chunk = 1; chunk <= chunks; chunk++) {
			variant.store().create(BenchmarkSettings.HEAP_CHUNK, variant.nextSequence(BenchmarkSettings.HEAP_CHUNK));
			done += BenchmarkSettings.HEAP_CHUNK;
			if (chunk % (chunks / POINTS) == 0) {
				long elapsed = System.nanoTime() - started;
				samples.add(new HeapSample(done, heapAfterCollection(), elapsed));
				logger.info("Heap phase: {} audited inserts, heap after collection {} MiB", done,
						samples.get(samples.size() - 1).heapBytes() >> 20);
			}
		}
		return samples;
	}

	/**
	 * Run the inserts in one transaction, flushed and cleared every
	 * {@link BenchmarkSettings#HEAP_CHUNK}, as a batch job does, and take the heap after
	 * a collection at every tenth, inside the transaction.
	 * @param variant the variant (auditlog)
	 * @param inserts the number of inserts
	 * @return the heap before the first insert and at every tenth
	 */
	public List<HeapSample> runInOneTransaction(VariantContext variant, int inserts) {
		variant.prepare(0);
		List<HeapSample> samples = new ArrayList<>();
		long started = System.nanoTime();
		samples.add(new HeapSample(0, heapAfterCollection(), 0));
		int step = Math.max(BenchmarkSettings.HEAP_CHUNK, inserts / POINTS);
		variant.store()
			.createInOneTransaction(inserts, BenchmarkSettings.HEAP_CHUNK, variant.nextSequence(inserts), (done) -> {
				if (done % step == 0) {
					samples.add(new HeapSample(done, heapAfterCollection(), System.nanoTime() - started));
					logger.info("Heap phase, one transaction: {} audited inserts, heap after collection {} MiB", done,
							samples.get(samples.size() - 1).heapBytes() >> 20);
				}
			});
		return samples;
	}

	private long heapAfterCollection() {
		// two collections: the first may leave objects that only become unreachable after
		// finalization of references
		System.gc();
		System.gc();
		return this.memory.getHeapMemoryUsage().getUsed();
	}

}
