package dev.auditlog.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.auditlog.benchmarks.database.BenchmarkDatabase;

/**
 * The PostgreSQL server of the smoke tests, found as the other modules' tests find
 * theirs: {@code AUDITLOG_TEST_POSTGRES_URL} (with {@code _USER} and {@code _PASSWORD})
 * first, else an embedded PostgreSQL. Without one the tests are skipped, unless
 * {@code AUDITLOG_TEST_REQUIRE_DB=true}: then they fail.
 */
final class SmokeDatabase {

	private static final Logger logger = LoggerFactory.getLogger(SmokeDatabase.class);

	private static BenchmarkDatabase database;

	private SmokeDatabase() {
	}

	static synchronized BenchmarkDatabase get() {
		if (database == null) {
			database = find();
		}
		if (database.url().isEmpty()) {
			String message = "No PostgreSQL database: set AUDITLOG_TEST_POSTGRES_URL";
			if ("true".equalsIgnoreCase(System.getenv("AUDITLOG_TEST_REQUIRE_DB"))) {
				throw new IllegalStateException(message + " (AUDITLOG_TEST_REQUIRE_DB=true forbids skipping)");
			}
			Assumptions.abort(message);
		}
		return database;
	}

	private static BenchmarkDatabase find() {
		String url = System.getenv("AUDITLOG_TEST_POSTGRES_URL");
		if (url != null && !url.isBlank()) {
			return new BenchmarkDatabase(url, orEmpty(System.getenv("AUDITLOG_TEST_POSTGRES_USER")),
					orEmpty(System.getenv("AUDITLOG_TEST_POSTGRES_PASSWORD")), url);
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
			logger.info("Smoke-testing against an embedded PostgreSQL on port {}", postgres.getPort());
			return new BenchmarkDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
					"embedded PostgreSQL");
		}
		catch (Exception ex) {
			logger.warn("Could not start an embedded PostgreSQL", ex);
			return new BenchmarkDatabase("", "", "", "none");
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
