package dev.auditlog.spring.tenant;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2TenantTests extends TenantScenarios {

	private static TestDatabase database;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.h2("auditlog_tenant_scenarios");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
	}

}
