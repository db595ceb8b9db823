package dev.auditlog.benchmarks.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server the benchmark writes to, and where its data lives.
 *
 * @param url the JDBC URL of the database
 * @param username the user name
 * @param password the password
 * @param location where the server and its data live, for the report
 */
public record BenchmarkDatabase(String url, String username, String password, String location) {

	/**
	 * Return the URL of a schema of this database.
	 * @param schema the schema
	 * @return the JDBC URL that makes the schema current
	 */
	public String urlOf(String schema) {
		return this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	/**
	 * Drop a schema with everything in it and create it empty.
	 * @param schema the schema
	 */
	public void recreateSchema(String schema) {
		execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
	}

	/**
	 * Run statements, each on its own.
	 * @param statements the SQL statements
	 */
	public void execute(String... statements) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + String.join("; ", statements) + " on " + this.url, ex);
		}
	}

	/**
	 * Return the first column of the first row of a query.
	 * @param sql the query
	 * @return the value as text, or {@code null}
	 */
	public @Nullable String queryForString(String sql) {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			return rows.next() ? rows.getString(1) : null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + sql + " on " + this.url, ex);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

}
