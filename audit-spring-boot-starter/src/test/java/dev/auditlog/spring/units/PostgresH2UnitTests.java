package dev.auditlog.spring.units;

import dev.auditlog.spring.testdb.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A PostgreSQL primary and an H2 secondary database.
 */
class PostgresH2UnitTests extends UnitScenarios {

	private static TestDatabase primaryDatabase;

	private static TestDatabase legacyDatabase;

	@DynamicPropertySource
	static void dataSources(DynamicPropertyRegistry registry) {
		if (primaryDatabase == null) {
			primaryDatabase = TestDatabase.postgres("auditlog_units_h2_primary");
			legacyDatabase = TestDatabase.h2("auditlog_units_legacy");
		}
		register(registry, primaryDatabase, legacyDatabase);
	}

}
