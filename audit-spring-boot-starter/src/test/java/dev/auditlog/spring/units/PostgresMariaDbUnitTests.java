package dev.auditlog.spring.units;

import dev.auditlog.spring.testdb.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A PostgreSQL primary and a MariaDB secondary database.
 */
class PostgresMariaDbUnitTests extends UnitScenarios {

	private static TestDatabase primaryDatabase;

	private static TestDatabase legacyDatabase;

	@DynamicPropertySource
	static void dataSources(DynamicPropertyRegistry registry) {
		if (primaryDatabase == null) {
			primaryDatabase = TestDatabase.postgres("auditlog_units_primary");
			legacyDatabase = TestDatabase.mariadb("auditlog_units_legacy");
		}
		register(registry, primaryDatabase, legacyDatabase);
	}

}
