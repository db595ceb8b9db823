package dev.auditlog.spring.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The databases the audit tables exist for, with what differs in reading and writing
 * them: where the migrations are, how a JSON parameter is bound and how a timestamp is
 * stored and bound. The one vendor type of the starter: the writer, the readers, the
 * event store, the migration and the integrity code all take it from {@link #of}, which
 * reads a data source's JDBC product name once (as Spring Modulith's JDBC event
 * publication registry does). Not part of the starter's API beyond the
 * {@code AuditEntryWriter} that receives it.
 *
 * @since 0.1.0
 */
public enum AuditDatabase {

	/** PostgreSQL: {@code jsonb} and {@code timestamptz}. */
	POSTGRESQL("postgresql", "CAST(? AS jsonb)"),

	/** MariaDB and MySQL: {@code json}, and a {@code DATETIME(6)} holding UTC. */
	MARIADB("mariadb", "?"),

	/** H2: {@code json} and {@code timestamp with time zone}. */
	H2("h2", "? FORMAT JSON");

	/**
	 * The earliest instant bound: MariaDB's {@code DATETIME} starts at year 1000.
	 */
	public static final Instant MIN_TIMESTAMP = Instant.parse("1000-01-01T00:00:00Z");

	/**
	 * The latest instant bound: no column type here goes past year 9999.
	 */
	public static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999Z");

	// detected once per data source; weak, so that a closed pool is not kept
	private static final Map<DataSource, AuditDatabase> detected = Collections.synchronizedMap(new WeakHashMap<>());

	private final String migrations;

	private final String jsonParameter;

	AuditDatabase(String migrations, String jsonParameter) {
		this.migrations = migrations;
		this.jsonParameter = jsonParameter;
	}

	/**
	 * Return the folder of this database's migration scripts under
	 * {@code dev/auditlog/schema}.
	 * @return the folder name
	 */
	public String migrations() {
		return this.migrations;
	}

	/**
	 * Return the SQL placeholder of a JSON value given as a string.
	 * @return the placeholder
	 */
	public String jsonParameter() {
		return this.jsonParameter;
	}

	/**
	 * Return an instant as the JDBC value of a timestamp column.
	 * @param instant the instant
	 * @return the value to bind
	 */
	public Object timestamp(Instant instant) {
		return (this == MARIADB) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
				: OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * Return the value to bind for an instant used as a bound ({@code >=} or {@code <})
	 * on a timestamp column. The columns hold microseconds, so the instant is rounded up
	 * to the next microsecond (which selects the same rows for both comparisons) and kept
	 * between {@link #MIN_TIMESTAMP} and {@link #MAX_TIMESTAMP}, which every column type
	 * accepts.
	 * @param instant the bound
	 * @return the value to bind
	 */
	public Object bound(Instant instant) {
		if (instant.isBefore(MIN_TIMESTAMP)) {
			return timestamp(MIN_TIMESTAMP);
		}
		if (instant.isAfter(MAX_TIMESTAMP)) {
			return timestamp(MAX_TIMESTAMP);
		}
		Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
		return timestamp(micros.isBefore(instant) ? micros.plus(1, ChronoUnit.MICROS) : micros);
	}

	/**
	 * Read a timestamp column as an instant.
	 * @param rs the result set
	 * @param column the column index
	 * @return the instant
	 * @throws SQLException if the column cannot be read
	 */
	public Instant timestamp(ResultSet rs, int column) throws SQLException {
		if (this == MARIADB) {
			return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
		}
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/**
	 * Return the database of a data source, from the product name of its JDBC metadata,
	 * read at the first call for that data source only (with Spring's
	 * {@link JdbcUtils#extractDatabaseMetaData}, on the current transaction's connection
	 * if there is one).
	 * @param dataSource the data source
	 * @return the database
	 * @throws SQLException if no connection can be had or its metadata cannot be read
	 * @throws IllegalStateException naming the product for an unsupported database
	 */
	public static AuditDatabase of(DataSource dataSource) throws SQLException {
		AuditDatabase database = detected.get(dataSource);
		if (database == null) {
			database = ofProductName(productName(dataSource));
			detected.put(dataSource, database);
		}
		return database;
	}

	private static String productName(DataSource dataSource) throws SQLException {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw (ex.getCause() instanceof SQLException cause) ? cause
					: new SQLException("Could not read the database's product name: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the database of a connection.
	 * @param connection the connection
	 * @return the database
	 * @throws SQLException if the metadata cannot be read
	 * @throws IllegalStateException naming the product for an unsupported database
	 */
	public static AuditDatabase of(Connection connection) throws SQLException {
		return ofProductName(connection.getMetaData().getDatabaseProductName());
	}

	/**
	 * Return the database of a JDBC product name.
	 * @param productName the name, such as {@code "PostgreSQL"}
	 * @return the database
	 * @throws IllegalStateException naming the product for an unsupported database
	 */
	public static AuditDatabase ofProductName(String productName) {
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.contains("mariadb") || name.contains("mysql")) {
			return MARIADB;
		}
		if (name.contains("h2")) {
			return H2;
		}
		throw new IllegalStateException(
				"The audit log supports PostgreSQL, MariaDB/MySQL and H2, not the database " + productName);
	}

}
