package dev.auditlog.spring.changes;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresChangeTests extends ChangeScenarios {

	private static TestDatabase database;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_changes");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
	}

	@Override
	boolean truncatesFractionalSeconds() {
		return false;
	}

	@Override
	boolean padsFixedLengthText() {
		return true;
	}

	@Override
	boolean truncatesOffsetTime() {
		return true;
	}

}
