package dev.auditlog.spring.shapes;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MariaDbShapeTests extends ShapeScenarios {

	private static TestDatabase database;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.mariadb("auditlog_shapes");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
	}

}
