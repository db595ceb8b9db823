package dev.auditlog.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;

import dev.auditlog.benchmarks.BenchmarkSettings;
import dev.auditlog.benchmarks.report.SizeProfile;
import dev.auditlog.benchmarks.report.StatementProfile;
import dev.auditlog.benchmarks.variant.StatementCounter.Counts;
import dev.auditlog.benchmarks.variant.VariantContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what each variant sends to the database per change and per transaction, and
 * measures how much its audit tables grow per change ({@code pg_total_relation_size}
 * before and after) and how much write-ahead log the changes cost (the log's insert
 * position before and after: the application's rows, the audit rows and their indexes),
 * one thread at a time.
 */
public final class ProfilePhase {

	private static final Logger logger = LoggerFactory.getLogger(ProfilePhase.class);

	private static final int BATCH = 100;

	private final BenchmarkSettings settings;

	private final List<StatementProfile> statements = new ArrayList<>();

	private final List<SizeProfile> sizes = new ArrayList<>();

	public ProfilePhase(BenchmarkSettings settings) {
		this.settings = settings;
	}

	/**
	 * Profile one variant.
	 * @param variant the variant
	 */
	public void run(VariantContext variant) {
		variant.prepare(1);
		for (Operation operation : Operation.values()) {
			for (int size : new int[] { 1, BATCH }) {
				int transactions = (size == 1) ? this.settings.profileTransactions()
						: Math.max(2, this.settings.profileTransactions() / 5);
				List<Long> deletable = (operation == Operation.DELETE) ? variant.createItems(transactions * size)
						: null;
				variant.counter().start();
				runTransactions(variant, operation, size, transactions, deletable);
				Counts counts = variant.counter().stop();
				this.statements.add(new StatementProfile(variant.variant(), operation, size, transactions, counts));
			}
		}
		for (Operation operation : Operation.values()) {
			int transactions = Math.max(1, this.settings.sizeChanges() / BATCH);
			List<Long> deletable = (operation == Operation.DELETE) ? variant.createItems(transactions * BATCH) : null;
			long before = variant.auditBytes();
			long walBefore = variant.walPosition();
			runTransactions(variant, operation, BATCH, transactions, deletable);
			long wal = variant.walPosition() - walBefore;
			long after = variant.auditBytes();
			this.sizes
				.add(new SizeProfile(variant.variant(), operation, (long) transactions * BATCH, after - before, wal));
		}
		logger.info("Profiled statements and audit bytes of {}", variant);
	}

	private static void runTransactions(VariantContext variant, Operation operation, int size, int transactions,
			@Nullable List<Long> deletable) {
		for (int transaction = 0; transaction < transactions; transaction++) {
			List<Long> items = (deletable != null) ? deletable.subList(transaction * size, (transaction + 1) * size)
					: variant.pool().subList(0, size);
			WorkloadRunner.runTransaction(variant, operation, items, size);
		}
	}

	public List<StatementProfile> statements() {
		return this.statements;
	}

	public List<SizeProfile> sizes() {
		return this.sizes;
	}

}
