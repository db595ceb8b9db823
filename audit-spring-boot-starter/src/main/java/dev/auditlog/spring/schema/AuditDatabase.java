package dev.auditlog.spring.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The databases the audit tables exist for, with what differs in reading and writing
 * them: how a JSON parameter is bound and how a timestamp is stored. Shared by the
 * writers and readers of the starter; not part of its API.
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
	 * Return the database of a data source.
	 * @param dataSource the data source
	 * @return the database
	 * @throws SQLException if no connection can be had
	 * @throws IllegalStateException naming the product for an unsupported database
	 */
	public static AuditDatabase of(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return of(connection);
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
		throw new IllegalStateException("The audit log has tables for PostgreSQL, MariaDB/MySQL and H2, not for "
				+ productName + "; create them yourself and set auditlog.schema.migrate=false");
	}

}
