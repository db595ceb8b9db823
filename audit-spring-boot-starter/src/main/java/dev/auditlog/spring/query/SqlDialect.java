package dev.auditlog.spring.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.auditlog.spring.schema.AuditDatabase;

/**
 * What differs between the databases when reading and deleting log entries: how a
 * timestamp is bound and read, and how a bounded batch is deleted.
 */
enum SqlDialect {

	/**
	 * {@code timestamptz}; a batch is locked with {@code SKIP LOCKED} so that several
	 * instances flushing at once delete disjoint batches instead of waiting on each
	 * other.
	 */
	POSTGRESQL("DELETE FROM auditlog_logentry WHERE id IN "
			+ "(SELECT id FROM auditlog_logentry WHERE timestamp < ? ORDER BY timestamp, id LIMIT ? FOR UPDATE SKIP LOCKED)"),

	/**
	 * {@code DATETIME(6)} holding UTC; MariaDB and MySQL refuse {@code LIMIT} in an
	 * {@code IN} subquery but take it on {@code DELETE} itself.
	 */
	MARIADB("DELETE FROM auditlog_logentry WHERE timestamp < ? ORDER BY timestamp, id LIMIT ?"),

	/**
	 * {@code TIMESTAMP WITH TIME ZONE}.
	 */
	H2("DELETE FROM auditlog_logentry WHERE id IN "
			+ "(SELECT id FROM auditlog_logentry WHERE timestamp < ? ORDER BY timestamp, id LIMIT ?)");

	/**
	 * The earliest instant bound: MariaDB's {@code DATETIME} starts at year 1000.
	 */
	static final Instant MIN = Instant.parse("1000-01-01T00:00:00Z");

	/**
	 * The latest instant bound: no column type here goes past year 9999.
	 */
	static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

	final String deleteBatch;

	SqlDialect(String deleteBatch) {
		this.deleteBatch = deleteBatch;
	}

	/**
	 * Return the value to bind for an instant used as a bound ({@code >=} or {@code <}).
	 * The columns hold microseconds, so the instant is rounded up to the next microsecond
	 * (which selects the same rows for both comparisons) and kept within the range every
	 * column type accepts.
	 * @param instant the bound
	 * @return the JDBC value
	 */
	Object bound(Instant instant) {
		if (instant.isBefore(MIN)) {
			return value(MIN);
		}
		if (instant.isAfter(MAX)) {
			return value(MAX);
		}
		Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
		return value(micros.isBefore(instant) ? micros.plus(1, ChronoUnit.MICROS) : micros);
	}

	/**
	 * Return the value to bind for a timestamp read from the table.
	 * @param instant the timestamp
	 * @return the JDBC value
	 */
	Object value(Instant instant) {
		return database().timestamp(instant);
	}

	Instant instant(ResultSet rs, int column) throws SQLException {
		return database().timestamp(rs, column);
	}

	AuditDatabase database() {
		return AuditDatabase.valueOf(name());
	}

	static SqlDialect of(Connection connection) throws SQLException {
		return valueOf(AuditDatabase.of(connection).name());
	}

}
