package dev.auditlog.benchmarks.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.auditlog.benchmarks.variant.ItemStore;
import dev.auditlog.benchmarks.variant.StatementCounter.Counts;
import dev.auditlog.benchmarks.variant.VariantContext;
import org.jspecify.annotations.Nullable;

/**
 * Runs a workload against one variant for a given time: each thread commits transactions
 * until the time is up (at least one each), on items of its own so that threads never
 * wait for each other's locks.
 */
public final class WorkloadRunner implements AutoCloseable {

	private final AtomicInteger threadNumber = new AtomicInteger();

	private final ExecutorService threads = Executors.newFixedThreadPool(ItemStore.MAX_THREADS, (task) -> {
		Thread thread = new Thread(task, "benchmark-" + this.threadNumber.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Run a workload.
	 * @param variant the variant
	 * @param workload the workload
	 * @param duration how long to start new transactions
	 * @param deletable the items a delete workload deletes (it stops early when they run
	 * out); {@code null} for other workloads
	 * @return what was achieved
	 */
	public Measurement run(VariantContext variant, Workload workload, Duration duration,
			@Nullable List<Long> deletable) {
		int threadCount = workload.threads();
		int size = workload.changesPerTransaction();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<long[]>> results = new ArrayList<>(threadCount);
		long[] deadline = new long[1];
		for (int thread = 0; thread < threadCount; thread++) {
			List<Long> items = itemsOf(variant, workload, thread, deletable);
			results.add(this.threads.submit(() -> {
				start.await();
				return runThread(variant, workload.operation(), size, items, deadline[0]);
			}));
		}
		variant.counter().start();
		long started = System.nanoTime();
		deadline[0] = started + duration.toNanos();
		start.countDown();
		long changes = 0;
		long transactions = 0;
		long finished = started;
		long threadNanos = 0;
		Counts counts;
		try {
			for (Future<long[]> result : results) {
				long[] thread = await(result, variant, "workload '" + workload.label() + "'");
				changes += thread[0];
				transactions += thread[1];
				finished = Math.max(finished, thread[2]);
				threadNanos += thread[2] - started;
			}
		}
		finally {
			counts = variant.counter().stop();
		}
		return new Measurement(changes, transactions, finished - started, threadNanos, counts.nanos(),
				counts.auditlogWriteNanos());
	}

	/**
	 * Create items through a variant on all threads at once, untimed: the items a delete
	 * workload deletes.
	 * @param variant the variant
	 * @param count the number of items
	 * @return their ids
	 */
	public List<Long> createItems(VariantContext variant, int count) {
		if (count <= 0) {
			return List.of();
		}
		int slice = (count + ItemStore.MAX_THREADS - 1) / ItemStore.MAX_THREADS;
		List<Future<List<Long>>> slices = new ArrayList<>();
		for (int first = 0; first < count; first += slice) {
			int size = Math.min(slice, count - first);
			slices.add(this.threads.submit(() -> variant.createItems(size)));
		}
		List<Long> ids = new ArrayList<>(count);
		for (Future<List<Long>> created : slices) {
			ids.addAll(await(created, variant, "creating items to delete"));
		}
		return ids;
	}

	/**
	 * Run one transaction of an operation, on the calling thread.
	 * @param variant the variant
	 * @param operation the operation
	 * @param items the items to change (ignored by {@link Operation#CREATE})
	 * @param size the number of items a create creates
	 */
	public static void runTransaction(VariantContext variant, Operation operation, List<Long> items, int size) {
		ItemStore<?> store = variant.store();
		switch (operation) {
			case CREATE -> store.create(size, variant.nextSequence(size));
			case UPDATE_ONE -> store.update(items, false, variant.nextSequence(1));
			case UPDATE_FIVE -> store.update(items, true, variant.nextSequence(1));
			case M2M -> store.toggleTag(items, variant.nextSequence(1));
			case DELETE -> store.delete(items);
		}
	}

	private static List<Long> itemsOf(VariantContext variant, Workload workload, int thread,
			@Nullable List<Long> deletable) {
		int size = workload.changesPerTransaction();
		if (workload.operation() == Operation.DELETE) {
			if (deletable == null) {
				throw new IllegalArgumentException("A delete workload needs items to delete");
			}
			// every thread deletes a slice of its own
			int slice = deletable.size() / workload.threads();
			return deletable.subList(thread * slice, (thread + 1) * slice);
		}
		if (workload.operation() == Operation.CREATE) {
			return List.of();
		}
		int first = thread * ItemStore.POOL_PER_THREAD;
		return variant.pool().subList(first, first + size);
	}

	private static long[] runThread(VariantContext variant, Operation operation, int size, List<Long> items,
			long deadline) {
		long changes = 0;
		long transactions = 0;
		int next = 0;
		do {
			List<Long> batch = items;
			if (operation == Operation.DELETE) {
				if (next + size > items.size()) {
					break;
				}
				batch = items.subList(next, next + size);
				next += size;
			}
			runTransaction(variant, operation, batch, size);
			changes += size;
			transactions++;
		}
		while (System.nanoTime() < deadline);
		return new long[] { changes, transactions, System.nanoTime() };
	}

	private static <T> T await(Future<T> result, VariantContext variant, String what) {
		try {
			return result.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(what + " failed on variant " + variant.variant().id(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
	}

}
