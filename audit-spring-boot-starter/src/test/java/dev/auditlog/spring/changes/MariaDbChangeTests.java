package dev.auditlog.spring.changes;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MariaDbChangeTests extends ChangeScenarios {

	private static TestDatabase database;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.mariadb("auditlog_changes");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
	}

	@Override
	boolean truncatesFractionalSeconds() {
		return true;
	}

	@Override
	boolean padsFixedLengthText() {
		return false;
	}

}
