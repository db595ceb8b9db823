package dev.auditlog.spring.hibernate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import dev.auditlog.core.LogEntry;
import dev.auditlog.spring.schema.AuditDatabase;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes log entries with plain JDBC on a given connection: one multi-row
 * {@code INSERT ... VALUES (...), (...)} statement per {@value #ROWS_PER_STATEMENT}
 * entries, so a transaction's entries cost one round trip. Nothing is read back.
 */
final class LogEntryWriter {

	static final int ROWS_PER_STATEMENT = 500;

	private static final String COLUMNS = "INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, "
			+ "object_repr, changes, serialized_data, additional_data, actor, remote_addr, cid) VALUES ";

	private final AuditDatabase database;

	private final JsonMapper json;

	private final String row;

	LogEntryWriter(AuditDatabase database, JsonMapper json) {
		this.database = database;
		this.json = json;
		String value = database.jsonParameter();
		this.row = "(?, ?, ?, ?, ?, ?, " + value + ", " + value + ", " + value + ", ?, ?, ?)";
	}

	void write(Connection connection, List<LogEntry> entries) throws SQLException {
		for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
			List<LogEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
			try (PreparedStatement statement = connection.prepareStatement(sql(chunk.size()))) {
				int index = 1;
				for (LogEntry entry : chunk) {
					index = bind(statement, index, entry);
				}
				statement.executeUpdate();
			}
		}
	}

	private String sql(int rows) {
		StringJoiner sql = new StringJoiner(", ", COLUMNS, "");
		for (int i = 0; i < rows; i++) {
			sql.add(this.row);
		}
		return sql.toString();
	}

	private int bind(PreparedStatement statement, int first, LogEntry entry) throws SQLException {
		int index = first;
		statement.setObject(index++, this.database.timestamp(entry.timestamp()));
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
		statement.setString(index++, entry.changes().toJson());
		statement.setString(index++, toJson(entry.serializedData()));
		statement.setString(index++, toJson(entry.additionalData()));
		statement.setString(index++, entry.actor());
		statement.setString(index++, entry.remoteAddr());
		statement.setString(index++, entry.cid());
		return index;
	}

	private @Nullable String toJson(@Nullable Map<String, @Nullable Object> data) {
		return (data != null) ? this.json.writeValueAsString(data) : null;
	}

	static AuditDatabase databaseOf(Dialect dialect) {
		if (dialect instanceof PostgreSQLDialect) {
			return AuditDatabase.POSTGRESQL;
		}
		if (dialect instanceof MariaDBDialect || dialect instanceof MySQLDialect) {
			return AuditDatabase.MARIADB;
		}
		if (dialect instanceof H2Dialect) {
			return AuditDatabase.H2;
		}
		throw new IllegalStateException("The audit log supports PostgreSQL, MariaDB/MySQL and H2, not the database of "
				+ dialect.getClass().getName());
	}

}
