package dev.auditlog.benchmarks.variant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the SQL a variant sends through its data source while enabled: JDBC executions
 * (one round trip each; a JDBC batch is one execution) and the statements they carry
 * (each element of a batch is one statement), by kind, and the time the executions took,
 * by statement and table. Each distinct SQL text is classified once. Sequence calls
 * ({@code nextval}) are left out: every variant allocates ids in pools of 50, so whether
 * a refill falls among the counted transactions is chance.
 */
public final class StatementCounter implements QueryExecutionListener {

	/** The key of auditlog's own write in {@link Counts#byStatement()}. */
	public static final String AUDITLOG_INSERT = "insert into auditlog_logentry";

	private static final Pattern TABLE = Pattern
		.compile("^(insert into|update|delete from|select .*? from)\\s+([a-z0-9_.]+)", Pattern.DOTALL);

	private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

	private final Map<String, Boolean> sequenceCalls = new ConcurrentHashMap<>();

	private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[1]);

	private final Map<String, LongAdder[]> byStatement = new ConcurrentHashMap<>();

	private final LongAdder executions = new LongAdder();

	private final LongAdder statements = new LongAdder();

	private final LongAdder[] byType = { new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(),
			new LongAdder() };

	private volatile boolean enabled;

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		if (this.enabled) {
			this.started.get()[0] = System.nanoTime();
		}
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		if (!this.enabled) {
			return;
		}
		long nanos = System.nanoTime() - this.started.get()[0];
		if (queryInfoList.size() == 1 && isSequenceCall(queryInfoList.get(0).getQuery())) {
			// every variant fetches 50 ids per call: where a refill falls among the
			// counted
			// transactions is chance, not a difference between variants
			return;
		}
		this.executions.increment();
		boolean timed = false;
		for (QueryInfo query : queryInfoList) {
			int count = execInfo.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
			this.statements.add(count);
			Kind kind = this.kinds.computeIfAbsent(query.getQuery(), Kind::of);
			this.byType[kind.type()].add(count);
			LongAdder[] figures = this.byStatement.computeIfAbsent(kind.key(),
					(key) -> new LongAdder[] { new LongAdder(), new LongAdder(), new LongAdder() });
			figures[0].increment();
			figures[1].add(count);
			if (!timed) {
				figures[2].add(nanos);
				timed = true;
			}
		}
	}

	private boolean isSequenceCall(String sql) {
		return this.sequenceCalls.computeIfAbsent(sql, (text) -> text.toLowerCase(Locale.ROOT).contains("nextval("));
	}

	/**
	 * Count a write that does not pass through the data source's proxy: auditlog's
	 * {@code COPY} on PostgreSQL, which works on the driver's connection. It counts as
	 * one execution of one statement of {@value #AUDITLOG_INSERT}, as the multi-row
	 * {@code INSERT} it replaces does.
	 * @param entries the entries written (not counted: one statement carries them all)
	 * @param nanos the time the writer took: the entries' JSON and the copy
	 */
	public void countAuditlogCopy(int entries, long nanos) {
		if (!this.enabled) {
			return;
		}
		this.executions.increment();
		this.statements.increment();
		this.byType[Kind.INSERT].increment();
		LongAdder[] figures = this.byStatement.computeIfAbsent(AUDITLOG_INSERT,
				(key) -> new LongAdder[] { new LongAdder(), new LongAdder(), new LongAdder() });
		figures[0].increment();
		figures[1].increment();
		figures[2].add(nanos);
	}

	/**
	 * Start counting from zero.
	 */
	public void start() {
		this.executions.reset();
		this.statements.reset();
		for (LongAdder adder : this.byType) {
			adder.reset();
		}
		this.byStatement.clear();
		this.enabled = true;
	}

	/**
	 * Stop counting and return the counts.
	 * @return what was counted since {@link #start()}
	 */
	public Counts stop() {
		this.enabled = false;
		Map<String, StatementTime> times = new TreeMap<>();
		this.byStatement.forEach((key, figures) -> times.put(key,
				new StatementTime(figures[0].sum(), figures[1].sum(), figures[2].sum())));
		return new Counts(this.executions.sum(), this.statements.sum(), this.byType[Kind.SELECT].sum(),
				this.byType[Kind.INSERT].sum(), this.byType[Kind.UPDATE].sum(), this.byType[Kind.DELETE].sum(), times);
	}

	/**
	 * What a statement is: its kind, and its key (kind and table) in the time breakdown.
	 */
	private record Kind(String key, int type) {

		static final int SELECT = 0;

		static final int INSERT = 1;

		static final int UPDATE = 2;

		static final int DELETE = 3;

		static final int OTHER = 4;

		static Kind of(String query) {
			String sql = query.stripLeading().toLowerCase(Locale.ROOT);
			int type = OTHER;
			if (sql.startsWith("select") || sql.startsWith("with")) {
				type = SELECT;
			}
			else if (sql.startsWith("insert")) {
				type = INSERT;
			}
			else if (sql.startsWith("update")) {
				type = UPDATE;
			}
			else if (sql.startsWith("delete")) {
				type = DELETE;
			}
			Matcher matcher = TABLE.matcher(sql);
			if (!matcher.find()) {
				return new Kind(sql.split("\\s+", 2)[0], type);
			}
			String verb = matcher.group(1);
			return new Kind((verb.startsWith("select") ? "select" : verb) + " " + matcher.group(2), type);
		}

	}

	/**
	 * What a variant sent to the database.
	 *
	 * @param executions JDBC executions, each one round trip
	 * @param statements SQL statements, each element of a batch counted
	 * @param selects {@code SELECT} statements (sequence calls left out)
	 * @param inserts {@code INSERT} statements
	 * @param updates {@code UPDATE} statements
	 * @param deletes {@code DELETE} statements
	 * @param byStatement executions, statements and time by statement kind and table
	 * ({@code insert into item}, {@code select item}…)
	 */
	public record Counts(long executions, long statements, long selects, long inserts, long updates, long deletes,
			Map<String, StatementTime> byStatement) {

		/**
		 * Return the time spent in JDBC executions.
		 * @return the nanoseconds
		 */
		public long nanos() {
			return this.byStatement.values().stream().mapToLong(StatementTime::nanos).sum();
		}

		/**
		 * Return the time spent writing auditlog's entries.
		 * @return the nanoseconds
		 */
		public long auditlogWriteNanos() {
			StatementTime write = this.byStatement.get(AUDITLOG_INSERT);
			return (write != null) ? write.nanos() : 0;
		}

	}

	/**
	 * The executions of one kind of statement on one table.
	 *
	 * @param executions the JDBC executions (round trips)
	 * @param statements the statements they carried
	 * @param nanos the time from the call to its return, the round trip included
	 */
	public record StatementTime(long executions, long statements, long nanos) {

	}

}
