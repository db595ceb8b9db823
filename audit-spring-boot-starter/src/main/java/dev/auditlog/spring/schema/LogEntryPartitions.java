package dev.auditlog.spring.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.auditlog.spring.InvalidAuditConfigurationException;
import dev.auditlog.spring.InvalidAuditDatabaseException;
import dev.auditlog.spring.support.BackgroundJob;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.util.Assert;

/**
 * Monthly partitions of {@code auditlog_logentry} on PostgreSQL
 * ({@code auditlog.schema.partitioning: monthly}).
 * <p>
 * At startup, after the migrations, the table is checked: a table partitioned by range is
 * kept; a plain table is converted to the partitioned form only when it is empty (its
 * columns, indexes and next id are kept), and a plain table holding entries stops startup
 * with the steps to convert it, because rewriting a large table must not happen silently.
 * Then the partitions of the current month and of the {@code partitions-ahead} months
 * after it are created, and again every day, so that an entry always finds its partition.
 * Several instances may do this at once: each runs under a PostgreSQL advisory lock and
 * creates only what is missing.
 * <p>
 * The partition of a month is named {@code auditlog_logentry_pYYYYMM} and holds the
 * entries recorded from the first instant of that month in UTC (inclusive) to the first
 * instant of the next (exclusive). Retention drops the partitions of this form that lie
 * wholly before its cut-off (see {@link #droppableBefore}); partitions of other names are
 * left alone and their old rows are deleted row by row.
 *
 * @since 0.2.0
 */
public final class LogEntryPartitions implements InitializingBean, SmartLifecycle {

	/** The prefix of the name of a monthly partition. */
	public static final String PREFIX = "auditlog_logentry_p";

	/** The key of the advisory lock under which partitions are created and dropped. */
	static final long LOCK = 0x6175_6469_746c_6f67L;

	private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{4})(\\d{2})");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM");

	private static final String DAILY = "0 7 0 * * *";

	private static final Logger logger = LoggerFactory.getLogger(LogEntryPartitions.class);

	private final DataSource dataSource;

	private final int ahead;

	private final Clock clock;

	private final BackgroundJob job;

	/**
	 * Create the partitions of the given database.
	 * @param dataSource the database holding {@code auditlog_logentry}
	 * @param ahead the number of months after the current one to create partitions for
	 * @param clock gives the current month
	 * @throws InvalidAuditConfigurationException if {@code ahead} is not from 1 to 120
	 */
	public LogEntryPartitions(DataSource dataSource, int ahead, Clock clock) {
		if (ahead < 1 || ahead > 120) {
			throw new InvalidAuditConfigurationException(
					"auditlog.schema.partitions-ahead must be from 1 to 120 but was " + ahead
							+ ": the months ahead are created once a day, so the next month must exist before it starts");
		}
		this.dataSource = unwrap(dataSource);
		this.ahead = ahead;
		this.clock = clock;
		this.job = new BackgroundJob("auditlog-partitions-",
				(scheduler) -> scheduler.schedule(this::runDaily, new CronTrigger(DAILY, ZoneOffset.UTC)));
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		AuditDatabase database = AuditDatabase.of(this.dataSource);
		if (database != AuditDatabase.POSTGRESQL) {
			throw new InvalidAuditDatabaseException(
					"auditlog.schema.partitioning=monthly is supported on PostgreSQL only, but the audit log's "
							+ "database is " + database.name(),
					"Remove auditlog.schema.partitioning (or set it to none): on " + database.name()
							+ " auditlog_logentry is one plain table, and retention deletes old entries in batches.",
					null);
		}
		try (Connection connection = this.dataSource.getConnection()) {
			if (!isPartitioned(connection)) {
				convertIfEmpty(connection);
			}
		}
		createAhead();
	}

	/**
	 * Create the partitions of the current month and of the months ahead that do not
	 * exist yet.
	 * @return the names of the partitions created
	 */
	public List<String> createAhead() {
		YearMonth current = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		List<String> created = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			lock(connection, true);
			try {
				for (int i = 0; i <= this.ahead; i++) {
					YearMonth month = current.plusMonths(i);
					if (create(connection, month)) {
						created.add(name(month));
					}
				}
			}
			finally {
				lock(connection, false);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the partitions of auditlog_logentry: " + ex.getMessage(),
					ex);
		}
		if (!created.isEmpty()) {
			logger.info("Created the audit log partitions {}", created);
		}
		return created;
	}

	private static boolean create(Connection connection, YearMonth month) throws SQLException {
		String name = name(month);
		if (exists(connection, name)) {
			return false;
		}
		try (Statement statement = connection.createStatement()) {
			statement
				.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF auditlog_logentry FOR VALUES FROM ('"
						+ start(month) + "') TO ('" + start(month.plusMonths(1)) + "')");
			return true;
		}
		catch (SQLException ex) {
			if ("42P17".equals(ex.getSQLState())) {
				// the month overlaps a partition of the application's own: it is covered
				logger.debug("Not creating {}: {}", name, ex.getMessage());
				return false;
			}
			throw ex;
		}
	}

	private static boolean exists(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	/**
	 * Convert the plain, empty table to the partitioned form, in one transaction: its
	 * columns (with their defaults and identity), its indexes, and its next id are kept;
	 * the primary key becomes {@code (id, timestamp)}, as PostgreSQL requires the
	 * partition key in every unique constraint of a partitioned table.
	 */
	private void convertIfEmpty(Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
			if (isPartitioned(connection)) {
				// another instance converted it meanwhile
				connection.commit();
				return;
			}
			statement.execute("LOCK TABLE auditlog_logentry IN ACCESS EXCLUSIVE MODE");
			long rows;
			try (ResultSet rs = statement
				.executeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM auditlog_logentry LIMIT 1) AS e")) {
				rs.next();
				rows = rs.getLong(1);
			}
			if (rows > 0) {
				throw notConvertible();
			}
			List<String> indexes = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT i.indexdef FROM pg_indexes i "
					+ "JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid "
					+ "WHERE x.indrelid = 'auditlog_logentry'::regclass AND NOT x.indisprimary "
					+ "AND i.tablename = 'auditlog_logentry' AND i.schemaname = current_schema()")) {
				while (rs.next()) {
					indexes.add(rs.getString(1));
				}
			}
			long next;
			try (ResultSet rs = statement.executeQuery(
					"SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence('auditlog_logentry', 'id')), 0)")) {
				rs.next();
				next = rs.getLong(1) + 1;
			}
			statement.execute("CREATE TABLE auditlog_logentry_partitioned (LIKE auditlog_logentry INCLUDING DEFAULTS "
					+ "INCLUDING IDENTITY INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMMENTS, "
					+ "PRIMARY KEY (id, timestamp)) PARTITION BY RANGE (timestamp)");
			statement.execute("DROP TABLE auditlog_logentry");
			statement.execute("ALTER TABLE auditlog_logentry_partitioned RENAME TO auditlog_logentry");
			statement.execute("ALTER TABLE auditlog_logentry RENAME CONSTRAINT auditlog_logentry_partitioned_pkey "
					+ "TO auditlog_logentry_pkey");
			for (String index : indexes) {
				statement.execute(index.replace(" CONCURRENTLY ", " "));
			}
			statement.execute("ALTER TABLE auditlog_logentry ALTER COLUMN id RESTART WITH " + next);
			connection.commit();
			logger.info("Converted the empty auditlog_logentry to a table partitioned by month of timestamp "
					+ "(auditlog.schema.partitioning=monthly)");
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static InvalidAuditDatabaseException notConvertible() {
		return new InvalidAuditDatabaseException(
				"auditlog.schema.partitioning=monthly, but auditlog_logentry is a plain table that holds entries: "
						+ "the audit log does not rewrite a table of entries at startup",
				"Convert the table as the README's 'Converting an existing table' describes (a partitioned table "
						+ "is created next to it, the old table is attached or its rows are copied month by month, "
						+ "then the tables are swapped), or remove auditlog.schema.partitioning.",
				null);
	}

	/**
	 * Return whether {@code auditlog_logentry} is a partitioned table.
	 * @param connection a connection to the database
	 * @return {@code true} if it is partitioned (by any scheme)
	 * @throws SQLException if the catalog cannot be read
	 */
	public static boolean isPartitioned(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass('auditlog_logentry')")) {
			return rs.next() && "p".equals(rs.getString(1));
		}
	}

	/**
	 * Return the monthly partitions that hold only entries recorded before the given
	 * instant: those whose month ends at or before it, and before now (a partition still
	 * to be written to is never dropped, even by a deletion of everything before a future
	 * instant: its rows are deleted row by row).
	 * @param connection a connection to the database
	 * @param before the exclusive upper bound of the timestamps of the entries to delete
	 * @param now the current instant
	 * @return the partitions' names, oldest first
	 * @throws SQLException if the catalog cannot be read
	 */
	public static List<String> droppableBefore(Connection connection, Instant before, Instant now) throws SQLException {
		Instant bound = before.isBefore(now) ? before : now;
		List<String> droppable = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				// the attached partitions, and monthly tables a drop interrupted after
				// their
				// detach left behind
				ResultSet rs = statement.executeQuery("SELECT c.relname FROM pg_inherits i "
						+ "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass('auditlog_logentry') "
						+ "UNION SELECT c.relname FROM pg_class c WHERE c.relkind = 'r' "
						+ "AND c.relnamespace = current_schema()::regnamespace AND c.relname LIKE 'auditlog\\_logentry\\_p%' "
						+ "AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid) ORDER BY 1")) {
			while (rs.next()) {
				String name = rs.getString(1);
				Matcher matcher = NAME.matcher(name);
				if (matcher.matches()) {
					YearMonth month = YearMonth.of(Integer.parseInt(matcher.group(1)),
							Integer.parseInt(matcher.group(2)));
					if (!start(month.plusMonths(1)).isAfter(bound)) {
						droppable.add(name);
					}
				}
			}
		}
		return droppable;
	}

	/**
	 * Drop one monthly partition after counting its entries, under the advisory lock.
	 * @param connection a connection in auto-commit mode
	 * @param name the partition's name, from {@link #droppableBefore}
	 * @return the number of entries it held, {@code 0} if another instance dropped it
	 * first
	 * @throws SQLException if it cannot be dropped
	 */
	public static long drop(Connection connection, String name) throws SQLException {
		Assert.isTrue(NAME.matcher(name).matches(), () -> "Not a monthly partition: " + name);
		lock(connection, true);
		try (Statement statement = connection.createStatement()) {
			if (!exists(connection, name)) {
				return 0;
			}
			long rows;
			try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + name)) {
				rs.next();
				rows = rs.getLong(1);
			}
			// null: detached already by a drop interrupted before its DROP TABLE
			Boolean pending = detachPending(connection, name);
			if (pending != null) {
				// CONCURRENTLY: without blocking the readers and writers of the other
				// partitions; FINALIZE: such a detach interrupted in its second phase
				statement.execute("ALTER TABLE auditlog_logentry DETACH PARTITION " + name
						+ (pending ? " FINALIZE" : " CONCURRENTLY"));
			}
			statement.execute("DROP TABLE " + name);
			return rows;
		}
		finally {
			lock(connection, false);
		}
	}

	/**
	 * Return whether a partition's detach is pending, or {@code null} when it is not a
	 * partition of {@code auditlog_logentry} (any more).
	 */
	private static @Nullable Boolean detachPending(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT i.inhdetachpending FROM pg_inherits i "
				+ "WHERE i.inhrelid = to_regclass(?) AND i.inhparent = to_regclass('auditlog_logentry')")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getBoolean(1) : null;
			}
		}
	}

	private static void lock(Connection connection, boolean take) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT " + (take ? "pg_advisory_lock(" : "pg_advisory_unlock(") + LOCK + ")");
		}
	}

	/**
	 * Return the name of the partition of a month.
	 * @param month the month
	 * @return {@code auditlog_logentry_pYYYYMM}
	 */
	public static String name(YearMonth month) {
		return PREFIX + month.format(MONTH);
	}

	private static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static DataSource unwrap(DataSource dataSource) {
		if (dataSource instanceof TransactionAwareDataSourceProxy proxy && proxy.getTargetDataSource() != null) {
			return proxy.getTargetDataSource();
		}
		return dataSource;
	}

	private void runDaily() {
		try {
			createAhead();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not create the audit log partitions ahead; trying again tomorrow", ex);
		}
	}

	@Override
	public void start() {
		this.job.start();
	}

	@Override
	public void stop() {
		this.job.stop();
	}

	@Override
	public boolean isRunning() {
		return this.job.isRunning();
	}

}
