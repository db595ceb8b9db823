package dev.auditlog.spring.integrity;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2IntegrityTests extends IntegrityScenarios {

	private static TestDatabase database;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.h2("auditlog_integrity");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		register(database, registry);
	}

	/**
	 * 16 x 100 on H2 to keep the build's run time down (16 x 500 took 16 to 23 s here,
	 * longer than on the servers); PostgreSQL and MariaDB, the servers with real
	 * concurrent sessions, run the 16 x 500.
	 */
	@Override
	int concurrentTransactionsPerThread() {
		return 100;
	}

}
