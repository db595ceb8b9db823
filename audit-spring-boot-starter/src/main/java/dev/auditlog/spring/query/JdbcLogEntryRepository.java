package dev.auditlog.spring.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import javax.sql.DataSource;

import dev.auditlog.core.Action;
import dev.auditlog.core.AuditJson;
import dev.auditlog.core.Changes;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.spring.integrity.RetentionCheckpoint;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.schema.LogEntryPartitions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.util.Assert;

/**
 * Reads {@code auditlog_logentry} with plain SQL on PostgreSQL, MariaDB/MySQL and H2.
 * <p>
 * Pages are found by keyset, never by {@code OFFSET}, and nothing is counted: entries
 * come newest first by {@code (timestamp, id)}, one more row than asked for is fetched to
 * know whether there is a next page, and the next page starts strictly after the last
 * entry's {@code (timestamp, id)}, looked up by its id. Every filter is an equality, an
 * {@code IN} list or a range that the indexes of the {@code V2} migration serve in this
 * order. Reads join the caller's transaction, if any; deletes never do: each batch is a
 * statement of its own, committed on its own connection.
 */
final class JdbcLogEntryRepository implements LogEntryRepository {

	private static final Logger logger = LoggerFactory.getLogger(JdbcLogEntryRepository.class);

	private static final String SELECT = "SELECT id, timestamp, action, model, object_pk, object_id, object_repr, "
			+ "changes, serialized_data, additional_data, actor, remote_addr, cid, tenant FROM auditlog_logentry";

	private static final String NEWEST_FIRST = " ORDER BY timestamp DESC, id DESC";

	private static final TypeReference<Map<String, @Nullable Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private static final int DELETE_ATTEMPTS = 3;

	/** The most ids one read by id lists. */
	private static final int IDS_PER_READ = 500;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final JsonMapper json = AuditJson.mapper();

	private final int deleteBatchSize;

	private @Nullable RetentionCheckpoint checkpoint;

	private volatile @Nullable AuditDatabase database;

	/**
	 * Create a repository reading the given database.
	 * @param dataSource the database holding {@code auditlog_logentry}
	 * @param deleteBatchSize the number of entries deleted per statement
	 */
	JdbcLogEntryRepository(DataSource dataSource, int deleteBatchSize) {
		Assert.isTrue(deleteBatchSize > 0,
				() -> "auditlog.retention.batch-size must be positive but was " + deleteBatchSize);
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.deleteBatchSize = deleteBatchSize;
	}

	@Override
	public LogEntryPage query(LogEntryQuery query) {
		if (query.matchesNothing()) {
			return new LogEntryPage(List.of(), null);
		}
		AuditDatabase database = database();
		Where where = new Where();
		where.equal("model", query.model());
		where.in("object_pk", query.objectPks());
		where.equal("actor", query.actor());
		where.in("action", query.actions().stream().map((action) -> (short) action.value()).toList());
		where.equal("cid", query.cid());
		where.equal("tenant", query.tenant());
		if (query.from() != null) {
			where.add("timestamp >= ?", database.bound(query.from()));
		}
		if (query.to() != null) {
			where.add("timestamp < ?", database.bound(query.to()));
		}
		ChangedFieldCondition changed = (query.changed() != null) ? ChangedFieldCondition.of(database, query.changed())
				: null;
		if (changed != null) {
			where.add(changed.sql(), changed.args().toArray());
		}
		Instant cursor = null;
		Long cursorId = query.before();
		if (cursorId != null) {
			cursor = timestampOf(cursorId);
			if (cursor == null) {
				// the cursor's entry is gone: retention deleted it and everything older
				return new LogEntryPage(List.of(), null);
			}
		}
		List<LogEntry> entries = new ArrayList<>();
		while (true) {
			Where page = where.copy();
			if (cursor != null && cursorId != null) {
				Object timestamp = database.timestamp(cursor);
				// "timestamp <= ?" is the index range; the rest drops the cursor's equals
				page.add("timestamp <= ?", timestamp);
				page.add("(timestamp < ? OR id < ?)", timestamp, cursorId);
			}
			page.args.add(query.limit() + 1);
			List<LogEntry> rows = this.jdbc.query(SELECT + page + NEWEST_FIRST + " LIMIT ?",
					(rs, row) -> entry(rs, database), page.args.toArray());
			for (LogEntry row : rows) {
				// where SQL can only narrow the rows down (H2), the exact test is here
				if (changed == null || changed.exact() || query.matchesChanges(row.changes())) {
					entries.add(row);
				}
			}
			if (entries.size() > query.limit() || rows.size() <= query.limit()) {
				break;
			}
			LogEntry last = rows.get(rows.size() - 1);
			cursor = last.timestamp();
			cursorId = last.id();
		}
		if (entries.size() <= query.limit()) {
			return new LogEntryPage(entries, null);
		}
		List<LogEntry> page = entries.subList(0, query.limit());
		return new LogEntryPage(page, page.get(page.size() - 1).id());
	}

	@Override
	public Optional<LogEntry> find(long id) {
		AuditDatabase database = database();
		return this.jdbc.query(SELECT + " WHERE id = ?", (rs, row) -> entry(rs, database), id).stream().findFirst();
	}

	@Override
	public List<LogEntry> findAll(Collection<Long> ids) {
		AuditDatabase database = database();
		List<Long> sorted = ids.stream().sorted().distinct().toList();
		List<LogEntry> entries = new ArrayList<>(sorted.size());
		for (int from = 0; from < sorted.size(); from += IDS_PER_READ) {
			List<Long> some = sorted.subList(from, Math.min(sorted.size(), from + IDS_PER_READ));
			StringJoiner placeholders = new StringJoiner(", ", SELECT + " WHERE id IN (", ") ORDER BY id");
			some.forEach((id) -> placeholders.add("?"));
			entries.addAll(this.jdbc.query(placeholders.toString(), (rs, row) -> entry(rs, database), some.toArray()));
		}
		return entries;
	}

	private @Nullable Instant timestampOf(long id) {
		AuditDatabase database = database();
		return this.jdbc
			.query("SELECT timestamp FROM auditlog_logentry WHERE id = ?", (rs, row) -> database.timestamp(rs, 1), id)
			.stream()
			.findFirst()
			.orElse(null);
	}

	@Override
	public LogEntrySummary summarize(Instant from, Instant to, @Nullable String actor) {
		return summarize(from, to, actor, null);
	}

	@Override
	public LogEntrySummary summarize(Instant from, Instant to, @Nullable String actor, @Nullable String tenant) {
		AuditDatabase database = database();
		Where where = new Where();
		where.add("timestamp >= ?", database.bound(from));
		where.add("timestamp < ?", database.bound(to));
		where.equal("actor", actor);
		where.equal("tenant", tenant);
		Map<Action, Long> actions = new EnumMap<>(Action.class);
		long[] withActor = new long[1];
		this.jdbc.query("SELECT action, COUNT(*), COUNT(actor) FROM auditlog_logentry" + where + " GROUP BY action",
				(ResultSet rs) -> {
					actions.merge(Action.fromValue(rs.getInt(1)), rs.getLong(2), Long::sum);
					withActor[0] += rs.getLong(3);
				}, where.args.toArray());
		Map<String, Long> models = counts("model", where);
		Where withActors = where.copy();
		withActors.add("actor IS NOT NULL");
		Map<String, Long> actors = counts("actor", withActors);
		long total = actions.values().stream().mapToLong(Long::longValue).sum();
		return new LogEntrySummary(from, to, actions, models, actors, total - withActor[0]);
	}

	private Map<String, Long> counts(String column, Where where) {
		Map<String, Long> counts = new LinkedHashMap<>();
		List<Object> args = new ArrayList<>(where.args);
		args.add(LogEntrySummary.MAX_GROUPS);
		this.jdbc.query("SELECT " + column + ", COUNT(*) AS entries FROM auditlog_logentry" + where + " GROUP BY "
				+ column + " ORDER BY entries DESC, " + column + " LIMIT ?", (ResultSet rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				}, args.toArray());
		return counts;
	}

	/**
	 * Record a retention checkpoint before each deletion, so that integrity verification
	 * tells the deleted entries from entries removed by someone else.
	 * @param checkpoint records the checkpoint, or {@code null} for none
	 */
	void recordDeletionsWith(@Nullable RetentionCheckpoint checkpoint) {
		this.checkpoint = checkpoint;
	}

	@Override
	public long deleteBefore(Instant before) {
		if (this.checkpoint != null) {
			// first: a deletion that is not recorded would be reported as missing entries
			this.checkpoint.recordDeletion(before);
		}
		AuditDatabase database = database();
		Object bound = database.bound(before);
		long deleted = 0;
		try (Connection connection = ownConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			if (database == AuditDatabase.POSTGRESQL && LogEntryPartitions.isPartitioned(connection)) {
				// whole months before the cut-off go at once; the rows of the month it
				// falls in are deleted below
				for (String partition : LogEntryPartitions.droppableBefore(connection, before, Instant.now())) {
					long dropped = LogEntryPartitions.drop(connection, partition);
					deleted += dropped;
					logger.debug("Dropped the audit log partition {} of {} entries recorded before {}", partition,
							dropped, before);
				}
			}
			try (PreparedStatement statement = connection.prepareStatement(deleteBatch(database))) {
				statement.setObject(1, bound);
				statement.setInt(2, this.deleteBatchSize);
				int batch;
				do {
					batch = deleteBatch(statement);
					deleted += batch;
					logger.debug("Deleted {} audit log entries recorded before {}", batch, before);
				}
				while (batch >= this.deleteBatchSize);
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw this.jdbc.getExceptionTranslator()
				.translate("deleting audit log entries recorded before " + before, deleteBatch(database), ex);
		}
		return deleted;
	}

	private int deleteBatch(PreparedStatement statement) throws SQLException {
		for (int attempt = 1;; attempt++) {
			try {
				return statement.executeUpdate();
			}
			catch (SQLException ex) {
				// another instance deleting the same rows may win a deadlock: try again
				if (attempt >= DELETE_ATTEMPTS || ex.getSQLState() == null || !ex.getSQLState().startsWith("40")) {
					throw ex;
				}
				logger.debug("Deleting a batch of audit log entries failed ({}), trying again", ex.getMessage());
			}
		}
	}

	/**
	 * Return a connection outside of any transaction of the caller, so that each batch
	 * commits on its own.
	 */
	private Connection ownConnection() throws SQLException {
		DataSource target = this.dataSource;
		if (target instanceof TransactionAwareDataSourceProxy proxy && proxy.getTargetDataSource() != null) {
			target = proxy.getTargetDataSource();
		}
		return target.getConnection();
	}

	private AuditDatabase database() {
		AuditDatabase database = this.database;
		if (database == null) {
			try {
				database = AuditDatabase.of(this.dataSource);
			}
			catch (SQLException ex) {
				throw this.jdbc.getExceptionTranslator().translate("detecting the database", null, ex);
			}
			this.database = database;
		}
		return database;
	}

	/**
	 * Return the statement deleting one bounded batch of entries recorded before a
	 * timestamp: on PostgreSQL the batch is locked with {@code SKIP LOCKED}, so that
	 * several instances flushing at once delete disjoint batches instead of waiting on
	 * each other; MariaDB and MySQL refuse {@code LIMIT} in an {@code IN} subquery but
	 * take it on {@code DELETE} itself.
	 */
	static String deleteBatch(AuditDatabase database) {
		return switch (database) {
			case POSTGRESQL -> "DELETE FROM auditlog_logentry WHERE id IN (SELECT id FROM auditlog_logentry "
					+ "WHERE timestamp < ? ORDER BY timestamp, id LIMIT ? FOR UPDATE SKIP LOCKED)";
			case MARIADB -> "DELETE FROM auditlog_logentry WHERE timestamp < ? ORDER BY timestamp, id LIMIT ?";
			case H2 -> "DELETE FROM auditlog_logentry WHERE id IN "
					+ "(SELECT id FROM auditlog_logentry WHERE timestamp < ? ORDER BY timestamp, id LIMIT ?)";
		};
	}

	private LogEntry entry(ResultSet rs, AuditDatabase database) throws SQLException {
		long objectId = rs.getLong(6);
		Long nullableObjectId = rs.wasNull() ? null : objectId;
		return new LogEntry(rs.getLong(1), database.timestamp(rs, 2), Action.fromValue(rs.getInt(3)), rs.getString(4),
				rs.getString(5), nullableObjectId, rs.getString(7), rs.getString(11), rs.getString(12),
				rs.getString(13), Changes.fromJson(rs.getString(8)), jsonObject(rs.getString(10)),
				jsonObject(rs.getString(9)), rs.getString(14));
	}

	private @Nullable Map<String, @Nullable Object> jsonObject(@Nullable String text) {
		return (text != null) ? this.json.readValue(text, JSON_OBJECT) : null;
	}

	/**
	 * A {@code WHERE} clause and its arguments, built from the filters that are set.
	 */
	private static final class Where {

		private final List<String> conditions = new ArrayList<>();

		final List<Object> args = new ArrayList<>();

		void add(String condition, Object... args) {
			this.conditions.add(condition);
			this.args.addAll(List.of(args));
		}

		void equal(String column, @Nullable Object value) {
			if (value != null) {
				add(column + " = ?", value);
			}
		}

		void in(String column, @Nullable Collection<?> values) {
			if (values == null) {
				return;
			}
			if (values.size() == 1) {
				equal(column, values.iterator().next());
			}
			else if (!values.isEmpty()) {
				StringJoiner placeholders = new StringJoiner(", ", column + " IN (", ")");
				values.forEach((value) -> placeholders.add("?"));
				add(placeholders.toString(), values.toArray());
			}
		}

		Where copy() {
			Where copy = new Where();
			copy.conditions.addAll(this.conditions);
			copy.args.addAll(this.args);
			return copy;
		}

		@Override
		public String toString() {
			return this.conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", this.conditions);
		}

	}

}
