package dev.auditlog.spring.export;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MariaDbKafkaExportTests extends KafkaExportScenarios {

	private static TestDatabase database;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.mariadb("auditlog_export");
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		database();
		register(database, registry);
	}

}
