package dev.auditlog.spring.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database for one test suite, found as the contract says: the
 * {@code AUDITLOG_TEST_POSTGRES_URL} / {@code AUDITLOG_TEST_MARIADB_URL} variables (with
 * {@code _USER} and {@code _PASSWORD}) first, then Testcontainers when a Docker engine
 * answers, then, for PostgreSQL, an embedded PostgreSQL. Each suite gets a fresh schema
 * (PostgreSQL) or database (MariaDB) of its own. Without a database the suite is skipped,
 * unless {@code AUDITLOG_TEST_REQUIRE_DB=true}: then it fails. Builds that run side by
 * side on one server keep apart by setting {@code AUDITLOG_TEST_SCHEMA_SUFFIX}, which is
 * appended to every schema and database name.
 */
public record TestDatabase(String vendor, String url, String username, String password) {

	private static final Logger logger = LoggerFactory.getLogger(TestDatabase.class);

	private static final ConcurrentHashMap<String, TestDatabase> servers = new ConcurrentHashMap<>();

	/**
	 * Return a fresh PostgreSQL schema of the given name.
	 * @param schema the schema name
	 * @return the database
	 */
	public static TestDatabase postgres(String name) {
		String schema = name + suffix();
		TestDatabase server = server("postgresql", TestDatabase::postgresServer);
		server.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
		String separator = server.url.contains("?") ? "&" : "?";
		return new TestDatabase("postgresql", server.url + separator + "currentSchema=" + schema, server.username,
				server.password);
	}

	/**
	 * Return a fresh MariaDB database of the given name.
	 * @param database the database name
	 * @return the database
	 */
	public static TestDatabase mariadb(String name) {
		String database = name + suffix();
		TestDatabase server = server("mariadb", TestDatabase::mariadbServer);
		server.execute("DROP DATABASE IF EXISTS " + database,
				"CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		return new TestDatabase("mariadb", server.url.replaceFirst("(//[^/]+/)[^?]*", "$1" + database), server.username,
				server.password);
	}

	/**
	 * Return a fresh in-memory H2 database of the given name.
	 * @param name the database name
	 * @return the database
	 */
	public static TestDatabase h2(String name) {
		return new TestDatabase("h2", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	/**
	 * Register this database as the application's data source, with a small pool: Spring
	 * caches the contexts of many suites at once, and PostgreSQL accepts 100 connections.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
		registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
		registry.add("spring.datasource.url", this::url);
		registry.add("spring.datasource.username", this::username);
		registry.add("spring.datasource.password", this::password);
	}

	/**
	 * Run statements on this database, each on its own.
	 * @param statements the SQL statements
	 */
	public void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(this.url, this.username, this.password);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + String.join("; ", statements) + " on " + this.url, ex);
		}
	}

	private static String suffix() {
		String suffix = System.getenv("AUDITLOG_TEST_SCHEMA_SUFFIX");
		return (suffix != null && suffix.matches("[a-z0-9_]{1,16}")) ? "_" + suffix : "";
	}

	private static TestDatabase server(String vendor, Supplier<TestDatabase> finder) {
		TestDatabase server = servers.computeIfAbsent(vendor, (key) -> {
			TestDatabase found = finder.get();
			return (found != null) ? found : new TestDatabase(vendor, "", "", "");
		});
		if (server.url.isEmpty()) {
			String message = "No " + vendor + " database: set AUDITLOG_TEST_"
					+ vendor.toUpperCase(Locale.ROOT).replace("POSTGRESQL", "POSTGRES")
					+ "_URL or start a Docker engine";
			unavailable(message);
		}
		return server;
	}

	/**
	 * Skip the calling test because something it needs is missing, or fail it when
	 * {@code AUDITLOG_TEST_REQUIRE_DB=true} (set by CI, where no test may skip).
	 * @param message what is missing and how to provide it
	 * @throws IllegalStateException when skipping is forbidden
	 */
	public static void unavailable(String message) {
		if ("true".equalsIgnoreCase(System.getenv("AUDITLOG_TEST_REQUIRE_DB"))) {
			throw new IllegalStateException(message + " (AUDITLOG_TEST_REQUIRE_DB=true forbids skipping)");
		}
		Assumptions.abort(message);
	}

	private static TestDatabase fromEnvironment(String vendor, String prefix) {
		String url = System.getenv(prefix + "_URL");
		if (url == null || url.isBlank()) {
			return null;
		}
		return new TestDatabase(vendor, url, orEmpty(System.getenv(prefix + "_USER")),
				orEmpty(System.getenv(prefix + "_PASSWORD")));
	}

	private static TestDatabase postgresServer() {
		TestDatabase configured = fromEnvironment("postgresql", "AUDITLOG_TEST_POSTGRES");
		if (configured != null) {
			return configured;
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
			container.start();
			return new TestDatabase("postgresql", container.getJdbcUrl(), container.getUsername(),
					container.getPassword());
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
			logger.info("Testing against an embedded PostgreSQL on port {}", postgres.getPort());
			return new TestDatabase("postgresql", postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (Exception ex) {
			logger.warn("Could not start an embedded PostgreSQL", ex);
			return null;
		}
	}

	private static TestDatabase mariadbServer() {
		TestDatabase configured = fromEnvironment("mariadb", "AUDITLOG_TEST_MARIADB");
		if (configured != null) {
			return configured;
		}
		if (dockerAvailable()) {
			MariaDBContainer container = new MariaDBContainer("mariadb:11");
			container.start();
			return new TestDatabase("mariadb", container.getJdbcUrl(), "root", container.getPassword());
		}
		return null;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (Exception ex) {
			logger.debug("Could not stop the embedded PostgreSQL", ex);
		}
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
