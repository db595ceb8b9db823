package dev.auditlog.spring.hibernate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import dev.auditlog.core.AuditJson;
import dev.auditlog.core.LogEntry;
import dev.auditlog.spring.integrity.EntryHashes;
import dev.auditlog.spring.schema.AuditDatabase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.ClassUtils;

/**
 * Writes log entries with plain JDBC on a given connection: one multi-row
 * {@code INSERT ... VALUES (...), (...)} statement per {@value #ROWS_PER_STATEMENT}
 * entries, so a transaction's entries cost one round trip; on PostgreSQL, from
 * {@value #COPY_FROM_ROWS} entries on, one {@code COPY ... FROM STDIN} instead
 * ({@link PostgresCopy}). A statement is also kept under {@value #BYTES_PER_STATEMENT}
 * bytes (counting 3 bytes per character, UTF-8's most for a UTF-16 code unit), so that
 * entries of large values stay below MySQL's and MariaDB's {@code max_allowed_packet} (4
 * MiB by default on MySQL 5.7, 16 MiB on MariaDB). Nothing is read back.
 */
final class LogEntryWriter {

	private static final Logger logger = LoggerFactory.getLogger(LogEntryWriter.class);

	static final int ROWS_PER_STATEMENT = 500;

	static final int BYTES_PER_STATEMENT = 4 * 1024 * 1024;

	/**
	 * The entries from which PostgreSQL gets them by {@code COPY} rather than by a
	 * multi-row {@code INSERT}: measured, {@code COPY} costs the database about a fifth
	 * less at 100 entries, as much at 10, and more at 1.
	 */
	static final int COPY_FROM_ROWS = 50;

	private static final boolean COPY_PRESENT = ClassUtils.isPresent("org.postgresql.PGConnection",
			LogEntryWriter.class.getClassLoader());

	private static final int FIXED_BYTES_PER_ROW = 64;

	private static final String COLUMNS = "INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, "
			+ "object_repr, changes, serialized_data, additional_data, actor, remote_addr, cid, tenant) VALUES ";

	private final AuditDatabase database;

	private final String row;

	private final String columns;

	private final String copyTarget;

	private final boolean hashing;

	LogEntryWriter(AuditDatabase database) {
		this(database, false);
	}

	/**
	 * Create a writer. The JSON columns are written by the audit log's own
	 * {@link AuditJson mapper}.
	 * @param database the database written to
	 * @param hashing whether each entry is written with its {@linkplain EntryHashes
	 * content hash} ({@code auditlog.integrity.enabled})
	 */
	LogEntryWriter(AuditDatabase database, boolean hashing) {
		this.database = database;
		this.hashing = hashing;
		String value = database.jsonParameter();
		this.row = "(?, ?, ?, ?, ?, ?, " + value + ", " + value + ", " + value + ", ?, ?, ?, ?"
				+ (hashing ? ", ?)" : ")");
		this.columns = hashing ? COLUMNS.replace(", tenant)", ", tenant, hash)") : COLUMNS;
		this.copyTarget = this.columns.substring("INSERT INTO ".length(), this.columns.length() - " VALUES ".length());
	}

	void write(Connection connection, List<LogEntry> entries) throws SQLException {
		if (entries.size() >= COPY_FROM_ROWS && this.database == AuditDatabase.POSTGRESQL && COPY_PRESENT
				&& PostgresCopy.canCopy(connection)) {
			copy(connection, entries);
			return;
		}
		List<Row> rows = new ArrayList<>(entries.size());
		for (LogEntry entry : entries) {
			rows.add(row(entry));
		}
		int from = 0;
		while (from < rows.size()) {
			int to = from;
			long bytes = 0;
			while (to < rows.size() && to - from < ROWS_PER_STATEMENT
					&& (to == from || bytes + rows.get(to).bytes() <= BYTES_PER_STATEMENT)) {
				bytes += rows.get(to).bytes();
				to++;
			}
			try (PreparedStatement statement = connection.prepareStatement(sql(to - from))) {
				int index = 1;
				for (Row row : rows.subList(from, to)) {
					index = bind(statement, index, row);
				}
				statement.executeUpdate();
			}
			from = to;
		}
	}

	private Row row(LogEntry entry) {
		return new Row(entry, entry.changes().toJson(), toJson(entry.serializedData()), toJson(entry.additionalData()));
	}

	private void copy(Connection connection, List<LogEntry> entries) throws SQLException {
		List<@Nullable Object[]> values = new ArrayList<>(entries.size());
		for (LogEntry entry : entries) {
			Instant timestamp = entry.timestamp().truncatedTo(ChronoUnit.MICROS);
			// without a hash, the changes are written straight into the copy's text
			Row row = this.hashing ? row(entry) : null;
			@Nullable Object[] columns = new @Nullable Object[this.hashing ? 14 : 13];
			columns[0] = timestamp;
			columns[1] = entry.action().value();
			columns[2] = entry.model();
			columns[3] = entry.objectPk();
			columns[4] = entry.objectId();
			columns[5] = entry.objectRepr();
			columns[6] = (row != null) ? row.changes() : entry.changes();
			columns[7] = (row != null) ? row.serializedData() : toJson(entry.serializedData());
			columns[8] = (row != null) ? row.additionalData() : toJson(entry.additionalData());
			columns[9] = entry.actor();
			columns[10] = entry.remoteAddr();
			columns[11] = entry.cid();
			columns[12] = entry.tenant();
			if (row != null) {
				columns[13] = hash(timestamp, row);
			}
			values.add(columns);
		}
		PostgresCopy.copy(connection, this.copyTarget, values);
	}

	private String sql(int rows) {
		StringJoiner sql = new StringJoiner(", ", this.columns, "");
		for (int i = 0; i < rows; i++) {
			sql.add(this.row);
		}
		return sql.toString();
	}

	private int bind(PreparedStatement statement, int first, Row row) throws SQLException {
		LogEntry entry = row.entry();
		int index = first;
		// stored at microseconds on every database: cut here, so that what is hashed is
		// what is stored, whether a database would round or cut
		Instant timestamp = entry.timestamp().truncatedTo(ChronoUnit.MICROS);
		statement.setObject(index++, this.database.timestamp(timestamp));
		statement.setShort(index++, (short) entry.action().value());
		statement.setString(index++, entry.model());
		statement.setString(index++, entry.objectPk());
		if (entry.objectId() != null) {
			statement.setLong(index++, entry.objectId());
		}
		else {
			statement.setNull(index++, Types.BIGINT);
		}
		statement.setString(index++, entry.objectRepr());
		statement.setString(index++, row.changes());
		statement.setString(index++, row.serializedData());
		statement.setString(index++, row.additionalData());
		statement.setString(index++, entry.actor());
		statement.setString(index++, entry.remoteAddr());
		statement.setString(index++, entry.cid());
		statement.setString(index++, entry.tenant());
		if (this.hashing) {
			statement.setString(index++, hash(timestamp, row));
		}
		return index;
	}

	/**
	 * Return the content hash of an entry; {@code null}, never a failed write, when it
	 * cannot be computed (verification then reports the entry).
	 */
	private @Nullable String hash(Instant timestamp, Row row) {
		LogEntry entry = row.entry();
		try {
			return EntryHashes.logEntry(timestamp, entry.action().value(), entry.model(), entry.objectPk(),
					entry.objectId(), entry.objectRepr(), row.changes(), row.serializedData(), row.additionalData(),
					entry.actor(), entry.remoteAddr(), entry.cid(), entry.tenant());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not hash the audit log entry of {} {}; it is written without its hash", entry.model(),
					entry.objectPk(), ex);
			return null;
		}
	}

	private @Nullable String toJson(@Nullable Map<String, @Nullable Object> data) {
		return (data != null) ? AuditJson.mapper().writeValueAsString(data) : null;
	}

	/**
	 * One entry with its JSON columns written out.
	 */
	private record Row(LogEntry entry, String changes, @Nullable String serializedData,
			@Nullable String additionalData) {

		long bytes() {
			long characters = this.entry.model().length() + this.entry.objectPk().length()
					+ this.entry.objectRepr().length() + length(this.entry.actor()) + length(this.entry.remoteAddr())
					+ length(this.entry.cid()) + length(this.entry.tenant()) + this.changes.length()
					+ length(this.serializedData) + length(this.additionalData);
			return FIXED_BYTES_PER_ROW + 3 * characters;
		}

		private static int length(@Nullable String text) {
			return (text != null) ? text.length() : 0;
		}

	}

}
